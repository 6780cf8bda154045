// expect: clean
use pyo3_ffi::*;
use registry::{register_handler, handler_count};
use std::ptr;

unsafe extern "C" fn add_handler(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let key = PyObject_Str(name);
        if key.is_null() {
            return ptr::null_mut();
        }
        register_handler(key);
        let h = PyObject_Hash(key);
        if h == -1 {
            return ptr::null_mut();
        }
        PyLong_FromSsize_t(handler_count())
    }
}
