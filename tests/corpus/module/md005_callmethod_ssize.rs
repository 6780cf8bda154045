// expect: MD005
// PyObject_CallMethod builds its arguments like Py_BuildValue: `n` reads a
// Py_ssize_t, but a `c_int` is passed.
use pyo3_ffi::*;
use std::ffi::c_int;

pub unsafe fn bump(counter: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    let step: c_int = 1;
    PyObject_CallMethod(counter, c"update".as_ptr(), c"(On)".as_ptr(), key, step)
}
