// expect: clean
use pyo3_ffi::*;
use std::ffi::c_char;
use std::sync::atomic::{AtomicUsize, Ordering};

static CALLS: AtomicUsize = AtomicUsize::new(0);
static GREETING: &[u8] = b"hello\0";
static mut DOC: *const c_char = c"counter module".as_ptr();

unsafe extern "C" fn bump(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let n = CALLS.fetch_add(1, Ordering::Relaxed);
    // SAFETY: attached.
    unsafe { PyLong_FromSize_t(n) }
}

unsafe extern "C" fn greeting(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    // SAFETY: GREETING is NUL-terminated.
    unsafe { PyUnicode_FromString(GREETING.as_ptr().cast()) }
}
