// expect: RC003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn call(_slf: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let n = PyTuple_Size(args);
    Py_XDECREF(kwargs);
    PyLong_FromSsize_t(n)
}
