// expect: EI001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn require_truthy(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let truth = PyObject_IsTrue(obj);
        if truth < 0 {
            return ptr::null_mut();
        }
        if truth == 0 {
            return ptr::null_mut();
        }
        Py_NewRef(obj)
    }
}
