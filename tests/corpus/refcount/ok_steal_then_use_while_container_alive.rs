// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn wrap(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let t = PyTuple_New(1);
    if t.is_null() {
        return ptr::null_mut();
    }
    let v = PyLong_FromLong(5);
    if v.is_null() {
        Py_DECREF(t);
        return ptr::null_mut();
    }
    PyTuple_SET_ITEM(t, 0, v);
    let h = PyObject_Hash(v);
    if h == -1 {
        Py_DECREF(t);
        return ptr::null_mut();
    }
    t
}
