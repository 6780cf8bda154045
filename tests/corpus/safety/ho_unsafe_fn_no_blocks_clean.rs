// expect: clean
use pyo3_ffi::*;

/// `tp_hash` for an immutable token type.
unsafe extern "C" fn token_hash(slf: *mut PyObject) -> Py_hash_t {
    (slf as usize as Py_hash_t) >> 4
}

/// Identity of an object.
///
/// # Safety
///
/// `obj` must be a valid object pointer.
pub unsafe fn identity(obj: *mut PyObject) -> usize {
    obj as usize
}

pub fn token_hash_fn() -> unsafe extern "C" fn(*mut PyObject) -> Py_hash_t {
    token_hash
}
