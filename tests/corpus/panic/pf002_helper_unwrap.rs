// expect: PF002
// The callback is careful; the helper it calls is not.
use std::ffi::CStr;
use std::ptr;

use pyo3_ffi::*;

fn parse_level(raw: &CStr) -> u8 {
    raw.to_str().unwrap().trim().parse::<u8>().unwrap_or(0)
}

unsafe extern "C" fn set_level(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let raw = PyUnicode_AsUTF8(arg);
    if raw.is_null() {
        return ptr::null_mut();
    }
    let level = parse_level(CStr::from_ptr(raw));
    PyLong_FromLong(level.into())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"set_level".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: set_level },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
