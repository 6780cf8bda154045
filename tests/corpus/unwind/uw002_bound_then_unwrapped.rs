// expect: UW002
// The result is bound first and unwrapped a few lines later.
use std::panic;
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn parse_port(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let raw = PyUnicode_AsUTF8(arg);
    if raw.is_null() {
        return ptr::null_mut();
    }
    let text = std::ffi::CStr::from_ptr(raw).to_string_lossy().into_owned();
    let outcome = panic::catch_unwind(move || text.parse::<u16>().unwrap_or(0));
    let port = outcome.unwrap();
    PyLong_FromLong(port.into())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"parse_port".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: parse_port },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
