// expect: EI001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn first(_m: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let it = PyObject_GetIter(iterable);
        if it.is_null() {
            return ptr::null_mut();
        }
        let item = PyIter_Next(it);
        Py_DECREF(it);
        if item.is_null() {
            return ptr::null_mut();
        }
        item
    }
}
