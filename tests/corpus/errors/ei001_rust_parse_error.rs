// expect: EI001
use pyo3_ffi::*;
use std::ffi::CStr;
unsafe extern "C" fn f(_s: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let p = PyUnicode_AsUTF8(arg);
    if p.is_null() { return std::ptr::null_mut(); }
    let Ok(text) = CStr::from_ptr(p).to_str() else { return std::ptr::null_mut(); };
    let n: i64 = match text.parse() { Ok(n) => n, Err(_) => return std::ptr::null_mut() };
    PyLong_FromLongLong(n)
}
