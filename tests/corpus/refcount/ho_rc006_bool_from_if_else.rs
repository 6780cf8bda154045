// expect: RC006
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn is_empty(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let n = PyObject_Length(obj);
        if n < 0 {
            return ptr::null_mut();
        }
        if n == 0 { Py_True() } else { Py_False() }
    }
}
