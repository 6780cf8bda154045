// expect: PF001
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};

#[repr(C)]
struct Gauge {
    ob_base: PyObject,
    level: f64,
}

unsafe extern "C" fn set_level(slf: *mut PyObject, value: *mut PyObject, _closure: *mut c_void) -> c_int {
    // SAFETY: attached.
    let v = unsafe { PyFloat_AsDouble(value) };
    // SAFETY: attached.
    if v == -1.0 && unsafe { !PyErr_Occurred().is_null() } {
        return -1;
    }
    assert!((0.0..=1.0).contains(&v), "level out of range");
    // SAFETY: `slf` is a Gauge.
    unsafe { (*(slf as *mut Gauge)).level = v };
    0
}

static mut GAUGE_GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"level".as_ptr(),
        get: None,
        set: Some(set_level),
        doc: std::ptr::null(),
        closure: std::ptr::null_mut(),
    },
    PyGetSetDef { name: std::ptr::null(), get: None, set: None, doc: std::ptr::null(), closure: std::ptr::null_mut() },
];
