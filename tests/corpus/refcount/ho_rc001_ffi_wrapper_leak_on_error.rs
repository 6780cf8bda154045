// expect: RC001
use pyo3_ffi::PyObject;
use std::ptr;

macro_rules! ffi {
    ($fn:ident($($arg:expr),* $(,)?)) => {
        unsafe { pyo3_ffi::$fn($($arg),*) }
    };
}

pub fn keyed(key: *mut PyObject, value: *mut PyObject) -> *mut PyObject {
    let dict = ffi!(PyDict_New());
    if dict.is_null() {
        return ptr::null_mut();
    }
    if ffi!(PyDict_SetItem(dict, key, value)) < 0 {
        return ptr::null_mut();
    }
    dict
}
