// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn reset(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    Py_INCREF(Py_None());
    Py_None()
}

unsafe extern "C" fn truthy(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    match PyObject_IsTrue(arg) {
        -1 => ptr::null_mut(),
        0 => Py_NewRef(Py_False()),
        _ => Py_NewRef(Py_True()),
    }
}
