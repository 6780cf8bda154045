// expect: MD004
use pyo3_ffi::*;
use std::ptr;

struct Globals {
    error_type: *mut PyObject,
    calls: u64,
}

static mut GLOBALS: Globals = Globals { error_type: ptr::null_mut(), calls: 0 };

pub unsafe fn error_type() -> *mut PyObject {
    // SAFETY: only touched with an attached thread state.
    unsafe {
        GLOBALS.calls += 1;
        GLOBALS.error_type
    }
}
