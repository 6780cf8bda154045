// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn total(_m: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    let it = PyObject_GetIter(seq);
    if it.is_null() {
        return ptr::null_mut();
    }
    let mut sum: i64 = 0;
    loop {
        let item = PyIter_Next(it);
        if item.is_null() {
            break;
        }
        let v = PyLong_AsLongLong(item);
        Py_DECREF(item);
        if v == -1 && !PyErr_Occurred().is_null() {
            Py_DECREF(it);
            return ptr::null_mut();
        }
        sum += v;
    }
    Py_DECREF(it);
    if !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    PyLong_FromLongLong(sum)
}
