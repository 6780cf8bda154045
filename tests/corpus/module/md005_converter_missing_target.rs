// expect: MD005
// `O&` passes the converter and the address it fills: the address is missing.
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};
use std::ptr;

unsafe extern "C" fn path_converter(obj: *mut PyObject, out: *mut c_void) -> c_int {
    *(out as *mut *mut PyObject) = PyOS_FSPath(obj);
    (!(*(out as *mut *mut PyObject)).is_null()) as c_int
}

pub unsafe extern "C" fn stat(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let path: *mut PyObject = ptr::null_mut();
    if PyArg_ParseTuple(args, c"O&:stat".as_ptr(), path_converter as *const c_void) == 0 {
        return ptr::null_mut();
    }
    path
}
