// expect: RC007
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn pair(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let t = PyTuple_New(2);
    PyTuple_SET_ITEM(t, 0, Py_NewRef(arg));
    PyTuple_SET_ITEM(t, 1, Py_NewRef(arg));
    t
}
