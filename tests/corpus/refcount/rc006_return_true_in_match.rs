// expect: RC006
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn is_positive(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let v = PyLong_AsLong(arg);
    if v == -1 && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    match v > 0 {
        true => Py_True(),
        false => Py_NewRef(Py_False()),
    }
}
