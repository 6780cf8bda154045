// expect: clean
// Drop that attaches a thread state first, and one that touches no Python object.
use std::ptr::NonNull;

use pyo3_ffi::*;

pub struct Owned(NonNull<PyObject>);

impl Drop for Owned {
    fn drop(&mut self) {
        // SAFETY: we own one reference; PyGILState_Ensure attaches a thread state if needed.
        unsafe {
            let state = PyGILState_Ensure();
            Py_DECREF(self.0.as_ptr());
            PyGILState_Release(state);
        }
    }
}

pub struct Scratch {
    buffer: Vec<u8>,
}

impl Drop for Scratch {
    fn drop(&mut self) {
        self.buffer.clear();
    }
}
