// expect: RC005
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn wrap(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let t = PyTuple_New(1);
        if t.is_null() {
            return ptr::null_mut();
        }
        if PyTuple_SetItem(t, 0, arg) < 0 {
            Py_DECREF(t);
            return ptr::null_mut();
        }
        t
    }
}
