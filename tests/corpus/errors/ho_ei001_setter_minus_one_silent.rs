// expect: EI001
use pyo3_ffi::*;
use std::os::raw::{c_int, c_void};
use std::ptr;

#[repr(C)]
struct Node {
    ob_base: PyObject,
    label: *mut PyObject,
}

unsafe extern "C" fn set_label(slf: *mut PyObject, value: *mut PyObject, _closure: *mut c_void) -> c_int {
    // SAFETY: CPython calls setters with the GIL held on an instance of Node.
    unsafe {
        if value.is_null() {
            return -1;
        }
        if PyUnicode_Check(value) == 0 {
            PyErr_SetString(PyExc_TypeError, c"label must be a str".as_ptr());
            return -1;
        }
        let this = slf as *mut Node;
        let old = (*this).label;
        (*this).label = Py_NewRef(value);
        Py_XDECREF(old);
        0
    }
}

static mut GETSET: [PyGetSetDef; 2] = [
    PyGetSetDef {
        name: c"label".as_ptr(),
        get: None,
        set: Some(set_label),
        doc: ptr::null(),
        closure: ptr::null_mut(),
    },
    PyGetSetDef { name: ptr::null(), get: None, set: None, doc: ptr::null(), closure: ptr::null_mut() },
];
