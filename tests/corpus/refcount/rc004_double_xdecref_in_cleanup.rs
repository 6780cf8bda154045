// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn both(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let a = PyObject_GetAttrString(obj, c"a".as_ptr());
    if a.is_null() {
        return ptr::null_mut();
    }
    let b = PyObject_GetAttrString(obj, c"b".as_ptr());
    if b.is_null() {
        Py_XDECREF(a);
        Py_XDECREF(a);
        return ptr::null_mut();
    }
    let r = PyTuple_Pack(2, a, b);
    Py_DECREF(a);
    Py_DECREF(b);
    r
}
