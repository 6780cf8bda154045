// expect: UW002
use pyo3_ffi::*;
use std::panic::{catch_unwind, resume_unwind};

fn work(n: i64) -> i64 {
    n.wrapping_mul(3)
}

unsafe extern "C" fn triple(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsLongLong(arg) };
    // SAFETY: attached.
    if n == -1 && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    let r = catch_unwind(|| work(n));
    let v = match r {
        Ok(v) => v,
        Err(e) => resume_unwind(e),
    };
    // SAFETY: attached.
    unsafe { PyLong_FromLongLong(v) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"triple".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: triple },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
