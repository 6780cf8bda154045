// expect: RC004
use pyo3_ffi::*;
use std::ffi::CStr;

unsafe fn encoded_name(obj: *mut PyObject) -> Option<Vec<u8>> {
    // SAFETY: the caller holds the GIL and passes a live str.
    unsafe {
        let encoded = PyUnicode_AsEncodedString(obj, c"latin-1".as_ptr(), c"strict".as_ptr());
        if encoded.is_null() {
            return None;
        }
        let raw = PyBytes_AsString(encoded);
        Py_DECREF(encoded);
        if raw.is_null() {
            return None;
        }
        Some(CStr::from_ptr(raw).to_bytes().to_vec())
    }
}
