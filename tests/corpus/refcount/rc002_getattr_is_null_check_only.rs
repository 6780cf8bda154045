// expect: RC002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn has_close(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    if PyObject_GetAttrString(obj, c"close".as_ptr()).is_null() {
        PyErr_Clear();
        return Py_NewRef(Py_False());
    }
    Py_NewRef(Py_True())
}
