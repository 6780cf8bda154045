// expect: PF001, PF002
// Both: a direct `.expect` and a call to a helper that indexes.
use std::ptr;

use pyo3_ffi::*;

fn first_word(text: &str) -> &str {
    let words: Vec<&str> = text.split(' ').collect();
    words[0]
}

unsafe extern "C" fn head(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let raw = PyUnicode_AsUTF8(arg);
    if raw.is_null() {
        return ptr::null_mut();
    }
    let text = std::ffi::CStr::from_ptr(raw).to_str().expect("utf-8");
    let word = first_word(text);
    PyUnicode_FromStringAndSize(word.as_ptr().cast(), word.len() as Py_ssize_t)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"head".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: head },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
