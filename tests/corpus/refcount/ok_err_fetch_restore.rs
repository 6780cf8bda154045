// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe fn log_and_restore(logger: *mut PyObject) {
    let mut ty: *mut PyObject = ptr::null_mut();
    let mut value: *mut PyObject = ptr::null_mut();
    let mut tb: *mut PyObject = ptr::null_mut();
    PyErr_Fetch(&mut ty, &mut value, &mut tb);
    let r = PyObject_CallOneArg(logger, if value.is_null() { Py_None() } else { value });
    Py_XDECREF(r);
    PyErr_Restore(ty, value, tb);
}
