// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn clamp_byte(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let v = PyLong_AsLong(arg);
        if v == -1 && !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        let d = PyFloat_AsDouble(arg);
        if d == -1.0 && !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        PyLong_FromLong(v.clamp(0, 255))
    }
}
