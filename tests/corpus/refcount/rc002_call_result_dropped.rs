// expect: RC002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn notify(_m: *mut PyObject, callback: *mut PyObject) -> *mut PyObject {
    PyObject_CallNoArgs(callback);
    if !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    Py_NewRef(Py_None())
}
