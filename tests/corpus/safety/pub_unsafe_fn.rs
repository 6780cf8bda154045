// expect: SD002
use pyo3_ffi::*;

/// Borrow item `i` of `list`.
pub unsafe fn item(list: *mut PyObject, i: isize) -> *mut PyObject {
    // SAFETY: forwarded to the caller.
    unsafe { PyList_GetItem(list, i) }
}
