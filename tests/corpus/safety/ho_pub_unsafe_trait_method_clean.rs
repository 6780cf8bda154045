// expect: clean
use pyo3_ffi::*;

/// Objects that can be viewed as raw Python objects.
///
/// # Safety
///
/// Implementors must return a valid, live object pointer.
pub unsafe trait AsPyPointer {
    fn as_ptr(&self) -> *mut PyObject;
}

pub struct Handle(*mut PyObject);

// SAFETY: `Handle` always wraps a live object it owns.
unsafe impl AsPyPointer for Handle {
    fn as_ptr(&self) -> *mut PyObject {
        self.0
    }
}
