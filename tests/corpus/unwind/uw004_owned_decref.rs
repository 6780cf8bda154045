// expect: UW004
// An owning wrapper whose Drop decrefs without knowing whether a thread state is attached.
use std::ptr::NonNull;

use pyo3_ffi::*;

pub struct Owned(NonNull<PyObject>);

impl Owned {
    /// # Safety
    /// `ptr` must be a new reference.
    pub unsafe fn from_new(ptr: *mut PyObject) -> Option<Self> {
        NonNull::new(ptr).map(Owned)
    }

    pub fn as_ptr(&self) -> *mut PyObject {
        self.0.as_ptr()
    }
}

impl Drop for Owned {
    fn drop(&mut self) {
        // SAFETY: we own one reference to the object.
        unsafe { Py_DECREF(self.0.as_ptr()) }
    }
}
