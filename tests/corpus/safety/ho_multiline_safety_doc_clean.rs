// expect: clean
use pyo3_ffi::*;

pub struct Owned(*mut PyObject);

impl Owned {
    /// Takes ownership of a strong reference.
    ///
    /// # Safety
    ///
    /// `ptr` must be a non-NULL strong reference, and the caller gives it up.
    pub unsafe fn from_owned(ptr: *mut PyObject) -> Self {
        Owned(ptr)
    }
}

impl Drop for Owned {
    fn drop(&mut self) {
        // SAFETY: the struct owns one strong reference; dropped only while attached.
        unsafe { Py_DECREF(self.0) };
    }
}
