// expect: RC002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn has_close(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with an attached thread state.
    unsafe {
        if PyObject_GetAttrString(obj, c"close".as_ptr()) != ptr::null_mut() {
            return Py_NewRef(Py_True());
        }
        PyErr_Clear();
        Py_NewRef(Py_False())
    }
}
