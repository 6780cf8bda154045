// expect: RC001
use pyo3_ffi::*;
use std::ptr;

use std::ffi::CStr;

struct Error;

unsafe fn label(obj: *mut PyObject, raw: &[u8]) -> Result<*mut PyObject, Error> {
    let prefix = PyUnicode_FromString(c"label: ".as_ptr());
    if prefix.is_null() {
        return Err(Error);
    }
    let text = CStr::from_bytes_with_nul(raw).map_err(|_| Error)?;
    let suffix = PyUnicode_FromString(text.as_ptr());
    if suffix.is_null() {
        Py_DECREF(prefix);
        return Err(Error);
    }
    let joined = PyUnicode_Concat(prefix, suffix);
    Py_DECREF(prefix);
    Py_DECREF(suffix);
    let _ = obj;
    Ok(joined)
}
