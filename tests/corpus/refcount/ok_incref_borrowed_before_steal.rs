// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn dup_first(_m: *mut PyObject, src: *mut PyObject) -> *mut PyObject {
    let item = PyList_GetItem(src, 0);
    if item.is_null() {
        return ptr::null_mut();
    }
    let dst = PyTuple_New(2);
    if dst.is_null() {
        return ptr::null_mut();
    }
    Py_INCREF(item);
    PyTuple_SET_ITEM(dst, 0, item);
    PyTuple_SET_ITEM(dst, 1, Py_NewRef(item));
    dst
}
