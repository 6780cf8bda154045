// expect: UW002
// The panic is caught, an exception set, and then the panic re-raised anyway.
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn compute(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    match catch_unwind(AssertUnwindSafe(|| PyLong_AsLong(arg).wrapping_mul(3))) {
        Ok(v) => PyLong_FromLong(v),
        Err(payload) => {
            PyErr_SetString(PyExc_RuntimeError, c"compute panicked".as_ptr());
            resume_unwind(payload)
        }
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"compute".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: compute },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
