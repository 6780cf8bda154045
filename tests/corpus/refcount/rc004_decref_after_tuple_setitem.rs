// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn single(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let t = PyTuple_New(1);
    if t.is_null() {
        return ptr::null_mut();
    }
    let v = PyLong_FromLong(1);
    if v.is_null() {
        Py_DECREF(t);
        return ptr::null_mut();
    }
    if PyTuple_SetItem(t, 0, v) < 0 {
        Py_DECREF(v);
        Py_DECREF(t);
        return ptr::null_mut();
    }
    t
}
