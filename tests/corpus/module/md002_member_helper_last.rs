// expect: MD002
// Members built with a helper; the last call names a member, so it is not a
// sentinel.
use pyo3_ffi::*;
use std::ffi::{c_char, c_int, CStr};
use std::ptr;

#[repr(C)]
struct Point {
    ob_base: PyObject,
    x: f64,
    y: f64,
}

const fn member(name: &CStr, type_code: c_int, offset: Py_ssize_t, doc: *const c_char) -> PyMemberDef {
    PyMemberDef { name: name.as_ptr(), type_code, offset, flags: 0, doc }
}

static mut POINT_MEMBERS: [PyMemberDef; 2] = [
    member(c"x", Py_T_DOUBLE, std::mem::offset_of!(Point, x) as Py_ssize_t, ptr::null()),
    member(c"y", Py_T_DOUBLE, std::mem::offset_of!(Point, y) as Py_ssize_t, ptr::null()),
];
