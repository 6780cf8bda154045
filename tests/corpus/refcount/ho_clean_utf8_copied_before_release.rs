// expect: clean
use pyo3_ffi::*;

unsafe fn to_rust_string(obj: *mut PyObject) -> Option<String> {
    // SAFETY: the caller holds the GIL and passes a live object.
    unsafe {
        let text = PyObject_Str(obj);
        if text.is_null() {
            return None;
        }
        let mut len: Py_ssize_t = 0;
        let data = PyUnicode_AsUTF8AndSize(text, &mut len);
        if data.is_null() {
            Py_DECREF(text);
            return None;
        }
        let owned = std::slice::from_raw_parts(data.cast::<u8>(), len as usize).to_vec();
        Py_DECREF(text);
        String::from_utf8(owned).ok()
    }
}
