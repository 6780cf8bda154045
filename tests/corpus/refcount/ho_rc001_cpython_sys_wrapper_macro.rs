// expect: RC001
use cpython_sys as ffi;
use std::ptr;

macro_rules! capi {
    ($e:expr) => {
        // SAFETY: every use below runs inside a method call with the GIL held.
        unsafe { $e }
    };
}

pub extern "C" fn keys_upper(_m: *mut ffi::PyObject, dict: *mut ffi::PyObject) -> *mut ffi::PyObject {
    let keys = capi!(ffi::PyDict_Keys(dict));
    if keys.is_null() {
        return ptr::null_mut();
    }
    let joined = capi!(ffi::PyUnicode_Join(ptr::null_mut(), keys));
    if joined.is_null() {
        return ptr::null_mut();
    }
    capi!(ffi::Py_DECREF(keys));
    joined
}
