// expect: UW001
// A METH_O callback declared "C-unwind": a panic would unwind into ceval.
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C-unwind" fn double(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let v = PyLong_AsLong(arg);
    if v == -1 && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    PyLong_FromLong(v.wrapping_mul(2))
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"double".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: double },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
