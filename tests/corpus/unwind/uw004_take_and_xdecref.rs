// expect: UW004
// An optional reference taken out and released in Drop.
use pyo3_ffi::*;

pub struct Lazy {
    value: Option<*mut PyObject>,
}

impl Drop for Lazy {
    fn drop(&mut self) {
        if let Some(obj) = self.value.take() {
            // SAFETY: `value` holds an owned reference.
            unsafe { Py_XDECREF(obj) };
        }
    }
}
