// expect: RC002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn has_parent(_m: *mut PyObject, node: *mut PyObject) -> *mut PyObject {
    if PyObject_GetAttrString(node, c"parent".as_ptr()) == Py_None() {
        return Py_NewRef(Py_False());
    }
    Py_NewRef(Py_True())
}
