// expect: clean
use pyo3_ffi::*;

pub struct Token(*mut PyObject);

// SAFETY: `Token` is only ever used while the thread state is attached, and the
// pointer is never dereferenced off that thread.
unsafe impl Send for Token {}

/// Borrow the token's object.
///
/// # Safety
///
/// The thread state must be attached.
pub unsafe fn token_type(t: &Token) -> *mut PyTypeObject {
    // SAFETY: the contract above guarantees an attached thread state.
    unsafe { Py_TYPE(t.0) }
}
