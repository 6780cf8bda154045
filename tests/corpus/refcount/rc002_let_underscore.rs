// expect: RC002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn touch(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let _ = PyObject_Str(obj);
    if !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    Py_NewRef(Py_None())
}
