// expect: clean
// A bound result inspected with is_err and mapped, never unwrapped.
use std::panic;
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn answer(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let outcome = panic::catch_unwind(|| 6 * 7);
    if outcome.is_err() {
        PyErr_SetString(PyExc_RuntimeError, c"answer() panicked".as_ptr());
        return ptr::null_mut();
    }
    let value = outcome.unwrap_or_default();
    PyLong_FromLong(value)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"answer".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: answer },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
