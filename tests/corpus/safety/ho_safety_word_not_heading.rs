// expect: SD002
use pyo3_ffi::*;

/// Returns the type of `obj`. For safety, `obj` must be a valid object and the
/// thread state must be attached.
pub unsafe fn type_of(obj: *mut PyObject) -> *mut PyTypeObject {
    // SAFETY: forwarded from the documented contract.
    unsafe { Py_TYPE(obj) }
}
