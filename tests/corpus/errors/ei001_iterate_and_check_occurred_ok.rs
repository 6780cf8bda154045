// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn f(_s: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let list = PyList_New(0);
    if list.is_null() { return ptr::null_mut(); }
    let it = PyObject_GetIter(arg);
    if it.is_null() { Py_DECREF(list); return ptr::null_mut(); }
    loop {
        let item = PyIter_Next(it);
        if item.is_null() { break; }
        let rc = PyList_Append(list, item);
        Py_DECREF(item);
        if rc < 0 { Py_DECREF(it); Py_DECREF(list); return ptr::null_mut(); }
    }
    Py_DECREF(it);
    if !PyErr_Occurred().is_null() { Py_DECREF(list); return ptr::null_mut(); }
    list
}
