// expect: PF001
// A METH_O callback that turns its argument into a Rust string with `.unwrap()`.
use std::ffi::CStr;
use std::os::raw::c_char;
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn greet(_module: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let raw: *const c_char = PyUnicode_AsUTF8(name);
    if raw.is_null() {
        return ptr::null_mut();
    }
    let text = CStr::from_ptr(raw).to_str().unwrap();
    let greeting = format!("hello, {text}\0");
    PyUnicode_FromString(greeting.as_ptr().cast())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"greet".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: greet },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
