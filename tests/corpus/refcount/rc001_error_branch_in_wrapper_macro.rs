// expect: RC001
use pyo3_ffi::*;
use std::ptr;

macro_rules! ffi {
    ($e:expr) => {
        unsafe { $e }
    };
}

pub extern "C" fn build(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let key = ffi!(PyUnicode_FromString(c"k".as_ptr()));
    if key.is_null() {
        return ptr::null_mut();
    }
    let dict = ffi!(PyDict_New());
    if dict.is_null() {
        return ptr::null_mut();
    }
    if ffi!(PyDict_SetItem(dict, key, Py_None())) < 0 {
        ffi!(Py_DECREF(key));
        ffi!(Py_DECREF(dict));
        return ptr::null_mut();
    }
    ffi!(Py_DECREF(key));
    dict
}
