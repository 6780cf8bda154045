// expect: RC003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn first(_m: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    let item = PyList_GetItem(list, 0);
    if item.is_null() {
        return ptr::null_mut();
    }
    let s = PyObject_Str(item);
    Py_DECREF(item);
    s
}
