// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe fn first_item(list: *mut PyObject) -> *mut PyObject {
    PyList_GetItem(list, 0)
}

unsafe extern "C" fn first_repr(_m: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    let item = first_item(list);
    if item.is_null() {
        return ptr::null_mut();
    }
    PyObject_Repr(item)
}
