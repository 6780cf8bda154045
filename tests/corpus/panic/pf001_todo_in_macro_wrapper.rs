// expect: PF001
// A callback body behind a project macro; the `todo!` inside still runs in the callback.
use std::ptr;

use pyo3_ffi::*;

macro_rules! py_method {
    ($body:expr) => {
        $body
    };
}

unsafe extern "C" fn frobnicate(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    py_method!({
        if PyErr_Occurred().is_null() {
            todo!("frobnicate is not written yet")
        }
        ptr::null_mut()
    })
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"frobnicate".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: frobnicate },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
