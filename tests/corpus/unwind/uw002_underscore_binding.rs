// expect: UW002
// An `_`-prefixed binding is a discarded result with a name.
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn flush(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let mut buffer: Vec<u8> = Vec::with_capacity(16);
    let _outcome = catch_unwind(AssertUnwindSafe(|| buffer.clear()));
    Py_NewRef(Py_None())
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"flush".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: flush },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
