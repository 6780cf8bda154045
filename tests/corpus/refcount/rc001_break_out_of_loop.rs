// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn first_true(_m: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    let it = PyObject_GetIter(seq);
    if it.is_null() {
        return ptr::null_mut();
    }
    let mut found = ptr::null_mut();
    loop {
        let item = PyIter_Next(it);
        if item.is_null() {
            break;
        }
        let truth = PyObject_IsTrue(item);
        if truth < 0 {
            Py_DECREF(item);
            break;
        }
        if truth == 1 {
            found = item;
            break;
        }
        Py_DECREF(item);
    }
    if found.is_null() {
        if !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        Py_DECREF(it);
        return Py_NewRef(Py_None());
    }
    Py_DECREF(it);
    found
}
