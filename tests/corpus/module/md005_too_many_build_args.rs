// expect: MD005
// One argument too many for Py_BuildValue, through a wrapper macro.
use pyo3_ffi::*;
use std::ffi::c_long;

macro_rules! ffi {
    ($e:expr) => {
        $e
    };
}

pub unsafe extern "C" fn pair(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let first: c_long = 1;
    let second: c_long = 2;
    let third: c_long = 3;
    ffi!(Py_BuildValue(c"(ll)".as_ptr(), first, second, third))
}
