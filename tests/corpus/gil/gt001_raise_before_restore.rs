// expect: GT001
use pyo3_ffi::*;
use std::ptr;

fn slow_parse(text: &str) -> Option<i64> {
    text.trim().parse().ok()
}

unsafe extern "C" fn parse(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let raw = PyUnicode_AsUTF8(arg);
    if raw.is_null() {
        return ptr::null_mut();
    }
    let text = std::ffi::CStr::from_ptr(raw).to_string_lossy().into_owned();
    let save = PyEval_SaveThread();
    let parsed = slow_parse(&text);
    let Some(value) = parsed else {
        // Raises while still detached: the restore below is never reached on this path.
        PyErr_SetString(PyExc_ValueError, c"not a number".as_ptr());
        PyEval_RestoreThread(save);
        return ptr::null_mut();
    };
    PyEval_RestoreThread(save);
    PyLong_FromLongLong(value)
}
