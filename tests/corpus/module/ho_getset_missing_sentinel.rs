// expect: MD002
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};

unsafe extern "C" fn get_x(_slf: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { PyLong_FromLong(0) }
}

unsafe extern "C" fn set_x(_slf: *mut PyObject, _v: *mut PyObject, _c: *mut c_void) -> c_int {
    0
}

static mut POINT_GETSET: [PyGetSetDef; 1] = [PyGetSetDef {
    name: c"x".as_ptr(),
    get: Some(get_x),
    set: Some(set_x),
    doc: std::ptr::null(),
    closure: std::ptr::null_mut(),
}];
