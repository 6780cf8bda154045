// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn joined(_m: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let sep = PyUnicode_FromString(c", ".as_ptr());
        if sep.is_null() {
            return ptr::null_mut();
        }
        let out = PyUnicode_Join(sep, seq);
        Py_DECREF(sep);
        if out.is_null() {
            Py_DECREF(sep);
            return ptr::null_mut();
        }
        out
    }
}
