// expect: SD001
use pyo3_ffi::*;

pub fn length(list: *mut PyObject) -> isize {
    unsafe { PyList_Size(list) }
}
