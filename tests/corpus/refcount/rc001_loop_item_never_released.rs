// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn squares(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let n = PyLong_AsLong(arg);
    if n == -1 && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    let list = PyList_New(0);
    if list.is_null() {
        return ptr::null_mut();
    }
    for i in 0..n {
        let sq = PyLong_FromLong(i * i);
        if sq.is_null() {
            Py_DECREF(list);
            return ptr::null_mut();
        }
        if PyList_Append(list, sq) < 0 {
            Py_DECREF(sq);
            Py_DECREF(list);
            return ptr::null_mut();
        }
    }
    list
}
