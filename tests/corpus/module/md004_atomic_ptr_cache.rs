// expect: MD004
// An atomic pointer is thread-safe, but still one object for every
// interpreter in the process.
use pyo3_ffi::*;
use std::ptr;
use std::sync::atomic::{AtomicPtr, Ordering};

static INTERNED_NAME: AtomicPtr<PyObject> = AtomicPtr::new(ptr::null_mut());

pub unsafe fn name_str() -> *mut PyObject {
    let cached = INTERNED_NAME.load(Ordering::Acquire);
    if !cached.is_null() {
        return cached;
    }
    let fresh = PyUnicode_InternFromString(c"name".as_ptr());
    INTERNED_NAME.store(fresh, Ordering::Release);
    fresh
}
