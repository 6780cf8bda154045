// expect: clean
// The safe API's drop policy: release when this thread is attached, leak otherwise.
use std::ptr::NonNull;

use pyo3_ffi::*;

pub struct Owned(NonNull<PyObject>);

impl Drop for Owned {
    fn drop(&mut self) {
        // SAFETY: `Owned` holds one strong reference; it is released only with a thread state attached.
        unsafe {
            if !PyThreadState_GetUnchecked().is_null() {
                Py_DecRef(self.0.as_ptr());
            }
        }
    }
}
