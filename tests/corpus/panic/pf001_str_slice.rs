// expect: PF001
// Slicing a `&str` at a byte offset can panic in the middle of a character.
use std::ffi::CStr;
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn strip_prefix(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let raw = PyUnicode_AsUTF8(arg);
    if raw.is_null() {
        return ptr::null_mut();
    }
    let text = CStr::from_ptr(raw).to_string_lossy();
    let rest = &text[2..];
    PyUnicode_FromStringAndSize(rest.as_ptr().cast(), rest.len() as Py_ssize_t)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"strip_prefix".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: strip_prefix },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
