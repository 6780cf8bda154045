// expect: RC003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn consume(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let r = PyObject_Repr(arg);
    Py_DECREF(arg);
    r
}
