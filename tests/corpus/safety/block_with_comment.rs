// expect: clean
use pyo3_ffi::*;

pub fn length(list: *mut PyObject) -> isize {
    // SAFETY: the caller passes a live list and holds an attached thread state.
    unsafe { PyList_Size(list) }
}
