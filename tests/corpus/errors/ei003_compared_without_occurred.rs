// expect: EI003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn increment(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let v = PyLong_AsLong(arg);
    if v == -1 {
        return ptr::null_mut();
    }
    PyLong_FromLong(v + 1)
}
