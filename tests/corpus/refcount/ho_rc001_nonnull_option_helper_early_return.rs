// expect: RC001
use pyo3_ffi::*;
use std::ptr::{self, NonNull};

unsafe fn new_str(s: &str) -> Option<NonNull<PyObject>> {
    // SAFETY: the caller holds the GIL.
    NonNull::new(unsafe { PyUnicode_FromStringAndSize(s.as_ptr().cast(), s.len() as Py_ssize_t) })
}

unsafe extern "C" fn describe(_module: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state and a valid argument.
    unsafe {
        let Some(label) = new_str("value") else {
            return ptr::null_mut();
        };
        let dict = PyDict_New();
        if dict.is_null() {
            return ptr::null_mut();
        }
        if PyDict_SetItem(dict, label.as_ptr(), obj) < 0 {
            Py_DECREF(dict);
            Py_DECREF(label.as_ptr());
            return ptr::null_mut();
        }
        Py_DECREF(label.as_ptr());
        dict
    }
}
