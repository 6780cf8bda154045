// expect: clean
// Integer arithmetic that could overflow is only reported with `[panic] overflow = true`.
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn area(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut w: Py_ssize_t = 0;
    let mut h: Py_ssize_t = 0;
    if PyArg_ParseTuple(args, c"nn".as_ptr(), &mut w, &mut h) == 0 {
        return ptr::null_mut();
    }
    let a = w * h;
    let p = w + w + h + h;
    PyLong_FromSsize_t(a - p)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"area".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: area },
        ml_flags: METH_VARARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
