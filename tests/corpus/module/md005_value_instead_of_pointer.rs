// expect: MD005
// Parse units write through pointers; passing the variable itself hands
// CPython an integer to use as an address.
use pyo3_ffi::*;
use std::ffi::c_int;
use std::ptr;

pub unsafe extern "C" fn level(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let level: c_int = 0;
    if PyArg_ParseTuple(args, c"i:level".as_ptr(), level) == 0 {
        return ptr::null_mut();
    }
    PyLong_FromLong(level.into())
}
