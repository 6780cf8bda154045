// expect: clean
use pyo3_ffi::*;

/// Internal: reads the type name.
unsafe fn type_name(obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller passes a valid object.
    unsafe { PyType_GetName(Py_TYPE(obj)) }
}

pub(super) unsafe fn qualname(obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller passes a valid object.
    unsafe { PyType_GetQualName(Py_TYPE(obj)) }
}

/// Name of `obj`'s type.
///
/// # Safety
/// `obj` must be valid and the thread state attached.
pub unsafe fn name_of(obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from this function's contract.
    unsafe { type_name(obj) }
}
