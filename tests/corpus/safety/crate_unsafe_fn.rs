// expect: clean
use pyo3_ffi::*;

/// Borrow item `i` of `list`; crate-private, so no `# Safety` section is required.
pub(crate) unsafe fn item(list: *mut PyObject, i: isize) -> *mut PyObject {
    // SAFETY: forwarded to the caller.
    unsafe { PyList_GetItem(list, i) }
}
