// expect: RC005
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn box_it(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let t = PyTuple_New(1);
    if t.is_null() {
        return ptr::null_mut();
    }
    PyTuple_SET_ITEM(t, 0, arg);
    t
}
