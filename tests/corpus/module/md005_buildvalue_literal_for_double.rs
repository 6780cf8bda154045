// expect: MD005
// An unsuffixed integer literal is passed as `i32`; `d` reads a double.
use pyo3_ffi::*;
use std::ffi::c_double;

pub unsafe extern "C" fn origin(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let x: c_double = 0.0;
    Py_BuildValue(c"(dd)".as_ptr(), x, 0)
}
