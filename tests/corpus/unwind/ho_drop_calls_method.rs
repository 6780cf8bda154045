// expect: UW004
use pyo3_ffi::*;

/// Closes the wrapped Python file when dropped.
pub struct FileGuard {
    file: *mut PyObject,
}

impl Drop for FileGuard {
    fn drop(&mut self) {
        // SAFETY: `file` is a strong reference owned by this guard.
        let r = unsafe { PyObject_CallMethod(self.file, c"close".as_ptr(), std::ptr::null()) };
        if r.is_null() {
            // SAFETY: an exception is set.
            unsafe { PyErr_Clear() };
        } else {
            // SAFETY: `r` is a new reference.
            unsafe { Py_DECREF(r) };
        }
        // SAFETY: owned reference.
        unsafe { Py_DECREF(self.file) };
    }
}
