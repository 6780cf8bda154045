// expect: clean
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
pub struct Node {
    ob_base: PyObject,
    next: *mut PyObject,
}

unsafe extern "C" fn node_set_next(slf: *mut PyObject, value: *mut PyObject, _c: *mut std::ffi::c_void) -> std::os::raw::c_int {
    let this = slf as *mut Node;
    Py_XSETREF((*this).next, Py_XNewRef(value));
    0
}
