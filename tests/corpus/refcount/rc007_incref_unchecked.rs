// expect: RC007
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn keep(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let s = PyObject_Str(obj);
    Py_INCREF(s);
    let out = PyTuple_Pack(2, s, s);
    Py_DECREF(s);
    Py_DECREF(s);
    out
}
