// expect: RC006
use pyo3_ffi::*;
use std::panic::catch_unwind;
use std::ptr;

unsafe extern "C" fn identity(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    catch_unwind(|| arg).unwrap_or_else(|_| {
        PyErr_SetString(PyExc_RuntimeError, c"panic".as_ptr());
        ptr::null_mut()
    })
}
