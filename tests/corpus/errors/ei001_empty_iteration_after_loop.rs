// expect: EI001
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn f(_s: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let it = PyObject_GetIter(arg);
    if it.is_null() { return ptr::null_mut(); }
    let mut count = 0i64;
    loop {
        let item = PyIter_Next(it);
        if item.is_null() { break; }
        count += 1;
        Py_DECREF(item);
    }
    Py_DECREF(it);
    if count == 0 { return ptr::null_mut(); }
    PyLong_FromLongLong(count)
}
