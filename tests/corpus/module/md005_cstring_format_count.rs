// expect: MD005
// The format is built with CString at run time from a literal: still checked.
use pyo3_ffi::*;
use std::ffi::{c_int, CString};
use std::ptr;

pub unsafe extern "C" fn window(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let format = CString::new("ii|i:window").unwrap_or_default();
    let mut width: c_int = 0;
    let mut height: c_int = 0;
    if PyArg_ParseTuple(args, format.as_ptr(), &mut width, &mut height) == 0 {
        return ptr::null_mut();
    }
    Py_BuildValue(c"(ii)".as_ptr(), width, height)
}
