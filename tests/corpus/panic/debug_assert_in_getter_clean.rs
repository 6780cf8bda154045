// expect: clean
// A getter with a `debug_assert!`: Rust's `assert()`, which CPython's C code
// uses the same way (a debug build stops on a broken invariant); not PF001.
use std::os::raw::c_void;
use std::ptr;

use pyo3_ffi::*;

#[repr(C)]
struct Point {
    ob_base: PyObject,
    x: f64,
}

unsafe extern "C" fn point_get_x(slf: *mut PyObject, _closure: *mut c_void) -> *mut PyObject {
    let this = &*(slf as *const Point);
    debug_assert!(this.x.is_finite());
    PyFloat_FromDouble(this.x)
}

static mut GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"x".as_ptr(),
        get: Some(point_get_x),
        set: None,
        doc: ptr::null(),
        closure: ptr::null_mut(),
    },
    PyGetSetDef { name: ptr::null(), get: None, set: None, doc: ptr::null(), closure: ptr::null_mut() },
];
