// expect: RC006
use pyo3_ffi::*;
use std::ptr;

macro_rules! return_none {
    () => {
        return Py_None()
    };
}

unsafe extern "C" fn clear(_m: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    if PyList_SetSlice(list, 0, PY_SSIZE_T_MAX, ptr::null_mut()) < 0 {
        return ptr::null_mut();
    }
    return_none!();
}
