// expect: RC003
use pyo3_ffi::*;
use std::ptr;

/// A new reference to `obj`.
unsafe fn retain(obj: *mut PyObject) -> *mut PyObject {
    Py_INCREF(obj);
    obj
}

unsafe extern "C" fn keep(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let kept = retain(arg);
    let r = PyObject_Repr(kept);
    Py_DECREF(kept);
    Py_DECREF(arg);
    r
}
