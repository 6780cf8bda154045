// expect: UW002
// The panic is caught and thrown away: the callback goes on as if nothing happened.
use std::panic::{self, AssertUnwindSafe};
use std::ptr;

use pyo3_ffi::*;

fn refresh_cache() {
    let mut entries: Vec<u64> = Vec::new();
    entries.push(1);
}

unsafe extern "C" fn refresh(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let _ = panic::catch_unwind(AssertUnwindSafe(refresh_cache));
    Py_NewRef(Py_None())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"refresh".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: refresh },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
