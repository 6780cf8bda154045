// expect: clean
use pyo3_ffi::*;
use std::ptr;

/// Whether a -1 result was a failure.
unsafe fn failed(v: f64) -> bool {
    v == -1.0 && !PyErr_Occurred().is_null()
}

unsafe extern "C" fn half(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let x = PyFloat_AsDouble(arg);
    if failed(x) {
        return ptr::null_mut();
    }
    PyFloat_FromDouble(x / 2.0)
}
