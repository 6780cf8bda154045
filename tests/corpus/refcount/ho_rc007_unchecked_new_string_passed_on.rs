// expect: RC007
use pyo3_ffi::*;
use std::os::raw::{c_char, c_int};

/// Sets `obj.label` to the given C string.
///
/// # Safety
/// The GIL must be held, `obj` must be a valid object and `label` a valid C string.
pub unsafe fn set_label(obj: *mut PyObject, label: *const c_char) -> c_int {
    // SAFETY: guaranteed by the caller.
    unsafe {
        let value = PyUnicode_FromString(label);
        let rc = PyObject_SetAttrString(obj, c"label".as_ptr(), value);
        Py_XDECREF(value);
        rc
    }
}
