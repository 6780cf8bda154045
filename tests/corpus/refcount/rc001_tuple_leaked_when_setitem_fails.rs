// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn wrap(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let tuple = PyTuple_New(1);
    if tuple.is_null() {
        return ptr::null_mut();
    }
    Py_INCREF(arg);
    if PyTuple_SetItem(tuple, 0, arg) < 0 {
        return ptr::null_mut();
    }
    tuple
}
