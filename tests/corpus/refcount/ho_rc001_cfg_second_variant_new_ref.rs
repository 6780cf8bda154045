// expect: RC001
use pyo3_ffi::*;
use std::ptr;

#[cfg(not(Py_3_13))]
unsafe fn lookup(dict: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller holds the GIL and passes a live dict.
    unsafe { PyDict_GetItemWithError(dict, key) }
}

#[cfg(Py_3_13)]
unsafe fn lookup(dict: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller holds the GIL and passes a live dict.
    unsafe {
        let mut out = ptr::null_mut();
        PyDict_GetItemRef(dict, key, &mut out);
        out
    }
}

unsafe fn has_true(dict: *mut PyObject, key: *mut PyObject) -> bool {
    // SAFETY: the caller holds the GIL and passes a live dict.
    unsafe {
        let value = lookup(dict, key);
        !value.is_null() && PyObject_IsTrue(value) == 1
    }
}
