// expect: RC006
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn reset(_m: *mut PyObject, _unused: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        if PyGC_Collect() < 0 {
            return ptr::null_mut();
        }
        Py_None()
    }
}
