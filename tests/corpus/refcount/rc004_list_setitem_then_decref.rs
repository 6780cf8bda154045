// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn fill(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let list = PyList_New(1);
    if list.is_null() {
        return ptr::null_mut();
    }
    let item = PyNumber_Negative(arg);
    if item.is_null() {
        Py_DECREF(list);
        return ptr::null_mut();
    }
    PyList_SET_ITEM(list, 0, item);
    Py_DECREF(item);
    list
}
