// expect: MD004
use pyo3_ffi::*;
use std::sync::atomic::{AtomicPtr, Ordering};

static CACHED_DECIMAL: AtomicPtr<PyObject> = AtomicPtr::new(std::ptr::null_mut());

pub unsafe fn decimal_type() -> *mut PyObject {
    let cached = CACHED_DECIMAL.load(Ordering::Acquire);
    if !cached.is_null() {
        return cached;
    }
    // SAFETY: attached.
    let module = unsafe { PyImport_ImportModule(c"decimal".as_ptr()) };
    if module.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: attached; `module` is a new reference.
    let ty = unsafe { PyObject_GetAttrString(module, c"Decimal".as_ptr()) };
    // SAFETY: attached.
    unsafe { Py_DECREF(module) };
    CACHED_DECIMAL.store(ty, Ordering::Release);
    ty
}
