// expect: UW004
// The test is the wrong way round: the decref runs exactly when no thread state is attached.
use std::ptr::NonNull;

use pyo3_ffi::*;

pub struct Owned(NonNull<PyObject>);

impl Drop for Owned {
    fn drop(&mut self) {
        // SAFETY: `Owned` holds one strong reference.
        unsafe {
            if PyThreadState_GetUnchecked().is_null() {
                Py_DecRef(self.0.as_ptr());
            }
        }
    }
}
