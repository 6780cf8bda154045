// expect: clean
use pyo3_ffi::*;
use std::os::raw::c_int;

/// Looks up `name` on `obj` and stores a new reference in `out`.
///
/// # Safety
/// The GIL must be held and `out` must be valid for writes.
pub unsafe fn lookup_attr(obj: *mut PyObject, name: *mut PyObject, out: *mut *mut PyObject) -> c_int {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let value = PyObject_GetAttr(obj, name);
        if value.is_null() {
            return -1;
        }
        *out = value;
        0
    }
}
