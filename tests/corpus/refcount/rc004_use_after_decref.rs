// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn length_of_repr(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let repr = PyObject_Repr(arg);
    if repr.is_null() {
        return ptr::null_mut();
    }
    Py_DECREF(repr);
    let n = PyUnicode_GetLength(repr);
    PyLong_FromSsize_t(n)
}
