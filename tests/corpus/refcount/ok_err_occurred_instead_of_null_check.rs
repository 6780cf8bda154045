// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn call_twice(_m: *mut PyObject, func: *mut PyObject) -> *mut PyObject {
    let first = PyObject_CallNoArgs(func);
    if !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    let second = PyObject_CallOneArg(func, first);
    Py_DECREF(first);
    second
}
