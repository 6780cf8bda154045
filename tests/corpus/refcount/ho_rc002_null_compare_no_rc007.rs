// expect: RC002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn is_reprable(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        if PyObject_Repr(obj) == ptr::null_mut() {
            PyErr_Clear();
            return Py_NewRef(Py_False());
        }
        Py_NewRef(Py_True())
    }
}
