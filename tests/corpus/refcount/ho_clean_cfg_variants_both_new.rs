// expect: clean
use pyo3_ffi::*;
use std::ptr;

#[cfg(Py_GIL_DISABLED)]
unsafe fn empty_str() -> *mut PyObject {
    // SAFETY: the caller holds the GIL.
    unsafe { PyUnicode_FromStringAndSize(ptr::null(), 0) }
}

#[cfg(not(Py_GIL_DISABLED))]
unsafe fn empty_str() -> *mut PyObject {
    // SAFETY: the caller holds the GIL.
    unsafe { PyUnicode_FromString(c"".as_ptr()) }
}

unsafe extern "C" fn joined(_module: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state and a valid argument.
    unsafe {
        let sep = empty_str();
        if sep.is_null() {
            return ptr::null_mut();
        }
        let out = PyUnicode_Join(sep, seq);
        Py_DECREF(sep);
        out
    }
}
