// expect: MD004
use pyo3_ffi::*;
use std::ptr::NonNull;

static mut DEFAULT_ENCODER: Option<NonNull<PyObject>> = None;

pub unsafe fn default_encoder() -> *mut PyObject {
    // SAFETY: only touched with an attached thread state.
    match unsafe { DEFAULT_ENCODER } {
        Some(p) => p.as_ptr(),
        None => std::ptr::null_mut(),
    }
}
