// expect: clean
use pyo3_ffi::*;
use std::ptr;
// Returning through a mutable out pointer and a status.
unsafe fn parse_pair(args: *mut PyObject, a: &mut *mut PyObject, b: &mut *mut PyObject) -> bool {
    // SAFETY: GIL held by caller.
    unsafe {
        *a = PySequence_GetItem(args, 0);
        if a.is_null() {
            return false;
        }
        *b = PySequence_GetItem(args, 1);
        if b.is_null() {
            Py_CLEAR(a);
            return false;
        }
        true
    }
}
unsafe extern "C" fn add(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let mut a = ptr::null_mut();
        let mut b = ptr::null_mut();
        if !parse_pair(args, &mut a, &mut b) {
            return ptr::null_mut();
        }
        let r = PyNumber_Add(a, b);
        Py_DECREF(a);
        Py_DECREF(b);
        r
    }
}
