// expect: PF001
use pyo3_ffi::*;
use std::ffi::CStr;

unsafe extern "C" fn greet(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let raw = unsafe { PyUnicode_AsUTF8(arg) };
    if raw.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: CPython returns a NUL-terminated UTF-8 buffer.
    let name = unsafe { CStr::from_ptr(raw) }.to_str().unwrap();
    let msg = format!("hello {name}\0");
    // SAFETY: `msg` is NUL-terminated.
    unsafe { PyUnicode_FromString(msg.as_ptr().cast()) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"greet".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: greet },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
