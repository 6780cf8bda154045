// expect: SD001
use pyo3_ffi::*;

// SAFETY: this comment is separated from the code below by a blank line.

pub fn incref(obj: *mut PyObject) {
    unsafe { Py_INCREF(obj) }
}
