// expect: PF002
// The helper is never called by name: it is handed to `map`, which calls it.
use std::ptr;

use pyo3_ffi::*;

fn digit_value(c: char) -> u32 {
    c.to_digit(10).expect("not a digit")
}

unsafe extern "C" fn digit_sum(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let raw = PyUnicode_AsUTF8(arg);
    if raw.is_null() {
        return ptr::null_mut();
    }
    let text = match std::ffi::CStr::from_ptr(raw).to_str() {
        Ok(t) => t,
        Err(_) => {
            PyErr_SetString(PyExc_ValueError, c"not UTF-8".as_ptr());
            return ptr::null_mut();
        }
    };
    let sum: u32 = text.chars().map(digit_value).sum();
    PyLong_FromUnsignedLong(sum.into())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"digit_sum".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: digit_sum },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
