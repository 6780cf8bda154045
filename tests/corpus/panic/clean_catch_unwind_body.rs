// expect: clean
// The whole body runs under catch_unwind; a panic becomes a RuntimeError.
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn risky(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let result = catch_unwind(AssertUnwindSafe(|| {
        let n = PyLong_AsLong(arg);
        let table = [1_i64, 2, 3];
        let picked = table[n as usize];
        let ratio = 100 / n;
        Some(picked + ratio).unwrap()
    }));
    match result {
        Ok(value) => PyLong_FromLong(value),
        Err(_) => {
            PyErr_SetString(PyExc_RuntimeError, c"internal error in risky()".as_ptr());
            ptr::null_mut()
        }
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"risky".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: risky },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
