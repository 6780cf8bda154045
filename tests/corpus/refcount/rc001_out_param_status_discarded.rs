// expect: RC001
// The twin: the status of `PyDict_GetItemRef` is thrown away, so nothing tells
// the found value apart from NULL, and when the key is present the new
// reference written to `value` is never released.
use pyo3_ffi as ffi;
use std::ptr;

pub unsafe fn has_key(dict: *mut ffi::PyObject, key: *mut ffi::PyObject) -> i32 {
    let mut value = ptr::null_mut();
    ffi::PyDict_GetItemRef(dict, key, &mut value);
    if value.is_null() {
        return 0;
    }
    1
}
