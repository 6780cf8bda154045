// expect: clean
use pyo3_ffi::*;

pub fn item_count(dict: *mut PyObject) -> usize {
    // SAFETY: `dict` is a live dict; the thread state is attached in every caller.
    let n = unsafe {
        PyDict_Size(dict)
    } as usize;
    n
}
