// expect: RC005
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn copy_first(_m: *mut PyObject, src: *mut PyObject) -> *mut PyObject {
    let dst = PyList_New(1);
    if dst.is_null() {
        return ptr::null_mut();
    }
    let item = PyList_GetItem(src, 0);
    if item.is_null() {
        Py_DECREF(dst);
        return ptr::null_mut();
    }
    PyList_SetItem(dst, 0, item);
    dst
}
