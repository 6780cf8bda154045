// expect: PF001
// The unwrap hides in a closure run by an iterator adapter: still inside the callback.
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn lengths(_module: *mut PyObject, words: *mut PyObject) -> *mut PyObject {
    let n = PyList_Size(words);
    if n < 0 {
        return ptr::null_mut();
    }
    let sizes: Vec<usize> = (0..n)
        .map(|i| PyList_GetItem(words, i))
        .map(|item| {
            let raw = PyUnicode_AsUTF8(item);
            std::ffi::CStr::from_ptr(raw).to_str().ok().map(str::len).expect("utf-8 text")
        })
        .collect();
    PyLong_FromSize_t(sizes.iter().sum())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"lengths".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: lengths },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
