// expect: clean
use pyo3_ffi::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs a callback body, turning a panic into `SystemError`.
fn guard(body: impl FnOnce() -> *mut PyObject) -> *mut PyObject {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(r) => r,
        Err(_) => {
            // SAFETY: callbacks run with an attached thread state.
            unsafe { PyErr_SetString(PyExc_SystemError, c"Rust panic".as_ptr()) };
            std::ptr::null_mut()
        }
    }
}

unsafe extern "C" fn version_tuple(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    guard(|| {
        let parts: Vec<i64> = "3.14.0".split('.').map(|p| p.parse().unwrap()).collect();
        // SAFETY: attached.
        unsafe { Py_BuildValue(c"(LLL)".as_ptr(), parts[0], parts[1], parts[2]) }
    })
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"version_tuple".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: version_tuple },
        ml_flags: METH_NOARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
