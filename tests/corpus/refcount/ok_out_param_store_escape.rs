// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe fn make_pair(out: *mut *mut PyObject) -> i32 {
    let t = PyTuple_New(2);
    if t.is_null() {
        return -1;
    }
    PyTuple_SET_ITEM(t, 0, Py_NewRef(Py_None()));
    PyTuple_SET_ITEM(t, 1, Py_NewRef(Py_None()));
    *out = t;
    0
}
