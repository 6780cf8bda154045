// expect: EI001
use pyo3_ffi::*;
use std::ptr;

/// Whether `obj` is a non-empty str (no exception either way).
unsafe fn is_name(obj: *mut PyObject) -> bool {
    PyUnicode_Check(obj) != 0 && PyUnicode_GET_LENGTH(obj) > 0
}

unsafe extern "C" fn greet(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    if !is_name(name) {
        return ptr::null_mut();
    }
    PyUnicode_FromFormat(c"hello %U".as_ptr(), name)
}
