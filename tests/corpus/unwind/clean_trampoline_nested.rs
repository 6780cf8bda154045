// expect: clean
// Inside the trampoline's guarded closure a nested catch_unwind may be unwrapped:
// the outer one still catches.
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use pyo3_ffi::*;

fn guard(body: impl FnOnce() -> *mut PyObject) -> *mut PyObject {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|_| {
        // SAFETY: only called from callbacks, with an attached thread state.
        unsafe { PyErr_SetString(PyExc_RuntimeError, c"panic".as_ptr()) };
        ptr::null_mut()
    })
}

unsafe extern "C" fn layered(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    guard(|| {
        let inner = catch_unwind(|| 5).unwrap();
        PyLong_FromLong(inner)
    })
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"layered".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: layered },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
