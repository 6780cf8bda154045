// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn last(_m: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    let it = PyObject_GetIter(seq);
    if it.is_null() {
        return ptr::null_mut();
    }
    let mut prev: *mut PyObject = ptr::null_mut();
    loop {
        let cur = PyIter_Next(it);
        if cur.is_null() {
            break;
        }
        Py_XDECREF(prev);
        prev = cur;
    }
    Py_DECREF(it);
    if !PyErr_Occurred().is_null() {
        Py_XDECREF(prev);
        return ptr::null_mut();
    }
    if prev.is_null() {
        return Py_NewRef(Py_None());
    }
    prev
}
