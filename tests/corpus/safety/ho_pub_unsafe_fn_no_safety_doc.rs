// expect: SD002
use pyo3_ffi::*;

/// Returns the item at `index` as a new reference.
///
/// # Errors
/// Returns NULL with an exception set when the index is out of range.
pub unsafe fn item_ref(seq: *mut PyObject, index: Py_ssize_t) -> *mut PyObject {
    // SAFETY: the caller passes a valid sequence.
    unsafe { PySequence_GetItem(seq, index) }
}
