// expect: clean
use pyo3_ffi::*;
use std::ptr;

extern "C" {
    fn register_handler(obj: *mut PyObject) -> i32;
}

unsafe extern "C" fn install(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let handler = PyDict_New();
    if handler.is_null() {
        return ptr::null_mut();
    }
    if register_handler(handler) != 0 {
        PyErr_SetString(PyExc_RuntimeError, c"cannot register".as_ptr());
        return ptr::null_mut();
    }
    Py_NewRef(Py_None())
}
