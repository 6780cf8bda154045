// expect: RC007
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn single(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let t = PyTuple_New(1);
        if PyTuple_SetItem(t, 0, Py_NewRef(arg)) < 0 {
            Py_XDECREF(t);
            return ptr::null_mut();
        }
        t
    }
}
