// expect: clean
use pyo3_ffi::*;
use std::ptr;

macro_rules! py {
    ($e:expr) => {
        unsafe { $e }
    };
}

pub extern "C" fn build(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let key = py!(PyUnicode_FromString(c"k".as_ptr()));
    if key.is_null() {
        return ptr::null_mut();
    }
    let dict = py!(PyDict_New());
    if dict.is_null() {
        py!(Py_DECREF(key));
        return ptr::null_mut();
    }
    let rc = py!(PyDict_SetItem(dict, key, Py_None()));
    py!(Py_DECREF(key));
    if rc < 0 {
        py!(Py_DECREF(dict));
        return ptr::null_mut();
    }
    dict
}
