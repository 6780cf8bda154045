// expect: UW004
use pyo3_ffi as ffi;

pub struct Cache {
    entries: Vec<*mut ffi::PyObject>,
    default: *mut ffi::PyObject,
}

impl Drop for Cache {
    fn drop(&mut self) {
        for &e in &self.entries {
            // SAFETY: every entry is a strong reference.
            unsafe { ffi::Py_XDECREF(e) };
        }
        // SAFETY: strong reference owned by the cache.
        unsafe { ffi::Py_XDECREF(self.default) };
    }
}
