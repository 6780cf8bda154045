// expect: MD002
use pyo3_ffi::*;
use std::mem::offset_of;

#[repr(C)]
struct Point {
    ob_base: PyObject,
    x: f64,
    y: f64,
}

static mut POINT_MEMBERS: [PyMemberDef; 2] = [
    PyMemberDef {
        name: c"x".as_ptr(),
        type_code: Py_T_DOUBLE,
        offset: offset_of!(Point, x) as Py_ssize_t,
        flags: 0,
        doc: std::ptr::null(),
    },
    PyMemberDef {
        name: c"y".as_ptr(),
        type_code: Py_T_DOUBLE,
        offset: offset_of!(Point, y) as Py_ssize_t,
        flags: Py_READONLY,
        doc: std::ptr::null(),
    },
];
