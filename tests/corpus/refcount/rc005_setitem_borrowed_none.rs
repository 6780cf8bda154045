// expect: RC005
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn nones(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let t = PyTuple_New(2);
    if t.is_null() {
        return ptr::null_mut();
    }
    PyTuple_SetItem(t, 0, Py_None());
    PyTuple_SetItem(t, 1, Py_NewRef(Py_None()));
    t
}
