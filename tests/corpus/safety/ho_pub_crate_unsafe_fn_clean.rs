// expect: clean
use pyo3_ffi::*;

/// Returns the item at `index` as a new reference.
pub(crate) unsafe fn item_ref(seq: *mut PyObject, index: Py_ssize_t) -> *mut PyObject {
    // SAFETY: the caller passes a valid sequence.
    unsafe { PySequence_GetItem(seq, index) }
}

unsafe fn private_helper(obj: *mut PyObject) -> bool {
    // SAFETY: the caller passes a valid object.
    unsafe { PyCallable_Check(obj) != 0 }
}

/// Whether `obj` is callable.
///
/// # Safety
/// `obj` must be a valid object and the thread state must be attached.
pub unsafe fn is_callable(obj: *mut PyObject) -> bool {
    // SAFETY: forwarded from this function's contract.
    unsafe { private_helper(obj) }
}
