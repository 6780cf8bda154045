// expect: clean
use pyo3_ffi::*;
use std::os::raw::{c_int, c_void};
use std::ptr;

#[repr(C)]
struct Node {
    ob_base: PyObject,
    weight: f64,
}

unsafe extern "C" fn set_weight(slf: *mut PyObject, value: *mut PyObject, _closure: *mut c_void) -> c_int {
    // SAFETY: CPython calls setters with the GIL held on an instance of Node.
    unsafe {
        if value.is_null() {
            PyErr_SetString(PyExc_AttributeError, c"cannot delete weight".as_ptr());
            return -1;
        }
        let w = PyFloat_AsDouble(value);
        if w == -1.0 && !PyErr_Occurred().is_null() {
            return -1;
        }
        (*(slf as *mut Node)).weight = w;
        0
    }
}

static mut GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"weight".as_ptr(),
        get: None,
        set: Some(set_weight),
        doc: ptr::null(),
        closure: ptr::null_mut(),
    },
    PyGetSetDef { name: ptr::null(), get: None, set: None, doc: ptr::null(), closure: ptr::null_mut() },
];
