// expect: UW002
use pyo3_ffi::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

unsafe extern "C" fn reset(slf: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let mut log: Vec<String> = Vec::new();
    let _ = catch_unwind(AssertUnwindSafe(|| log.push(format!("reset {:p}", slf))));
    // SAFETY: attached.
    unsafe { Py_NewRef(Py_None()) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"reset".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: reset },
        ml_flags: METH_NOARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
