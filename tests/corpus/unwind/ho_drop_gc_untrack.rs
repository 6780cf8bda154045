// expect: UW004
use pyo3_ffi::*;

/// Keeps a GC-tracked container alive while Rust holds it.
pub struct Pinned {
    obj: *mut PyObject,
}

impl Drop for Pinned {
    fn drop(&mut self) {
        if !self.obj.is_null() {
            // SAFETY: `obj` is a strong reference owned by this struct.
            unsafe { PyObject_GC_UnTrack(self.obj.cast()) };
            // SAFETY: as above.
            unsafe { Py_DECREF(self.obj) };
        }
    }
}
