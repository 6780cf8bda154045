// expect: UW004
use pyo3_ffi as ffi;

pub struct Subscription {
    topic: String,
    listener: *mut ffi::PyObject,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.topic.clear();
        // SAFETY: owned reference (or NULL).
        unsafe { ffi::Py_CLEAR(&mut self.listener) };
    }
}
