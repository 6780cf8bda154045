// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn pair(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let list = PyList_New(0);
    if list.is_null() {
        return ptr::null_mut();
    }
    let first = PyNumber_Add(arg, arg);
    if first.is_null() {
        Py_DECREF(list);
        return ptr::null_mut();
    }
    if PyList_Append(list, first) < 0 {
        Py_DECREF(first);
        Py_DECREF(list);
        return ptr::null_mut();
    }
    Py_DECREF(first);
    list
}
