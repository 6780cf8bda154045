// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn concat(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let left = PySequence_GetItem(args, 0);
        let right = PySequence_GetItem(args, 1);
        if left.is_null() || right.is_null() {
            Py_XDECREF(left);
            Py_XDECREF(right);
            return ptr::null_mut();
        }
        let out = PyNumber_Add(left, right);
        Py_XDECREF(left);
        Py_XDECREF(right);
        if out.is_null() {
            Py_XDECREF(left);
            return ptr::null_mut();
        }
        out
    }
}
