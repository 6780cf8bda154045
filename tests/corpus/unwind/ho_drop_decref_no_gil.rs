// expect: UW004
use pyo3_ffi::*;

/// Owns a strong reference to a Python callable.
pub struct Callback {
    func: *mut PyObject,
}

impl Drop for Callback {
    fn drop(&mut self) {
        // SAFETY: `func` is a strong reference owned by this struct.
        unsafe { Py_DECREF(self.func) };
    }
}
