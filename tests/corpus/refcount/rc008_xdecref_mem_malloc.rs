// expect: RC008
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn scratch(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let buf = PyMem_Malloc(64);
    if buf.is_null() {
        return PyErr_NoMemory();
    }
    Py_XDECREF(buf.cast());
    Py_NewRef(Py_None())
}
