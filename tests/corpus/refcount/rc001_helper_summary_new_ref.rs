// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe fn make_point(x: i64, y: i64) -> *mut PyObject {
    let t = PyTuple_New(2);
    if t.is_null() {
        return ptr::null_mut();
    }
    PyTuple_SetItem(t, 0, PyLong_FromLongLong(x));
    PyTuple_SetItem(t, 1, PyLong_FromLongLong(y));
    t
}

unsafe extern "C" fn origin_len(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let p = make_point(0, 0);
    if p.is_null() {
        return ptr::null_mut();
    }
    let n = PyObject_Length(p);
    if n < 0 {
        return ptr::null_mut();
    }
    Py_DECREF(p);
    PyLong_FromSsize_t(n)
}
