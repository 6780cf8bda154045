// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn first_of_list(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let list = PySequence_List(obj);
    if list.is_null() {
        return ptr::null_mut();
    }
    let item = PyList_GetItem(list, 0);
    if item.is_null() {
        Py_DECREF(list);
        return ptr::null_mut();
    }
    Py_DECREF(list);
    PyObject_Repr(item)
}
