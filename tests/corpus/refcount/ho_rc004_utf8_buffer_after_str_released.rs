// expect: RC004
use pyo3_ffi::*;

/// Render `obj` with `str()` into an owned Rust string.
unsafe fn to_rust_string(obj: *mut PyObject) -> Option<String> {
    // SAFETY: the caller holds the GIL and passes a live object.
    unsafe {
        let text = PyObject_Str(obj);
        if text.is_null() {
            return None;
        }
        let mut len: Py_ssize_t = 0;
        let data = PyUnicode_AsUTF8AndSize(text, &mut len);
        Py_DECREF(text);
        if data.is_null() {
            return None;
        }
        let bytes = std::slice::from_raw_parts(data.cast::<u8>(), len as usize);
        Some(String::from_utf8_lossy(bytes).into_owned())
    }
}
