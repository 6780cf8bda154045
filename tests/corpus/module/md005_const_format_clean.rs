// expect: clean
// Formats kept in constants and shadowed bindings: the checker resolves them.
use pyo3_ffi::*;
use std::ffi::{c_int, c_long, CStr};
use std::ptr;

const ADD_FORMAT: &CStr = c"ii:add";

pub unsafe extern "C" fn add(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let a: c_long = 0;
    let mut a: c_int = a as c_int;
    let mut b: c_int = 0;
    if PyArg_ParseTuple(args, ADD_FORMAT.as_ptr(), &mut a, &mut b) == 0 {
        return ptr::null_mut();
    }
    let sum = a as c_long + b as c_long;
    Py_BuildValue(c"l".as_ptr(), sum)
}

pub unsafe extern "C" fn describe(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let format = c"(sn)";
    let name = c"answer";
    let len: Py_ssize_t = 42;
    Py_BuildValue(format.as_ptr(), name.as_ptr(), len)
}
