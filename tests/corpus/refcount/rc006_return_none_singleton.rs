// expect: RC006
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn reset(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    Py_None()
}
