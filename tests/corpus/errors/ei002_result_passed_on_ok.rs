// expect: clean
use pyo3_ffi::*;
use std::os::raw::c_int;

/// Adds one item; the caller checks the status.
pub unsafe fn push(list: *mut PyObject, item: *mut PyObject) -> c_int {
    PyList_Append(list, item)
}

pub unsafe fn push_all(list: *mut PyObject, items: &[*mut PyObject]) -> c_int {
    for &item in items {
        let rc = push(list, item);
        if rc < 0 {
            return rc;
        }
    }
    0
}
