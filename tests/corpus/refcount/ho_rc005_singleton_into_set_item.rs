// expect: RC005
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn defaults(_m: *mut PyObject, _unused: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let t = PyTuple_New(2);
        if t.is_null() {
            return ptr::null_mut();
        }
        PyTuple_SET_ITEM(t, 0, Py_NewRef(Py_True()));
        PyTuple_SET_ITEM(t, 1, Py_None());
        t
    }
}
