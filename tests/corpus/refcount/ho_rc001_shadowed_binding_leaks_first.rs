// expect: RC001
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn utf8(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let s = PyObject_Str(obj);
        if s.is_null() {
            return ptr::null_mut();
        }
        let s = PyUnicode_AsUTF8String(s);
        if s.is_null() {
            return ptr::null_mut();
        }
        s
    }
}
