// expect: clean
use pyo3_ffi::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

fn raise_panic() {
    // SAFETY: attached.
    unsafe { PyErr_SetString(PyExc_SystemError, c"Rust code panicked".as_ptr()) };
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

unsafe extern "C" fn py_mean(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let data = vec![1.0, 2.0, 3.5];
    let result = catch_unwind(AssertUnwindSafe(|| mean(&data))).map_err(|_| raise_panic());
    match result {
        // SAFETY: attached.
        Ok(m) => unsafe { PyFloat_FromDouble(m) },
        Err(()) => std::ptr::null_mut(),
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"mean".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: py_mean },
        ml_flags: METH_NOARGS,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
