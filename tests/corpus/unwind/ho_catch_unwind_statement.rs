// expect: UW002
use pyo3_ffi::*;
use std::panic::{self, AssertUnwindSafe};

unsafe extern "C" fn log_call(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let mut seen: Vec<usize> = Vec::new();
    panic::catch_unwind(AssertUnwindSafe(|| seen.push(arg as usize))).ok();
    // SAFETY: attached.
    unsafe { Py_NewRef(Py_None()) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"log_call".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: log_call },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
