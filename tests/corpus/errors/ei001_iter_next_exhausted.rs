// expect: EI001
use pyo3_ffi::*;
use std::ptr;

/// Returns the first item of an iterable.
unsafe extern "C" fn first(_m: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject {
    let it = PyObject_GetIter(iterable);
    if it.is_null() {
        return ptr::null_mut();
    }
    let item = PyIter_Next(it);
    Py_DECREF(it);
    if item.is_null() {
        // Exhausted *or* failed: only PyErr_Occurred() can tell.
        return ptr::null_mut();
    }
    item
}
