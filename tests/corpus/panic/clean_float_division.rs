// expect: clean
// Float division cannot panic; neither can division by a non-zero constant.
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn ratio(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut a: f64 = 0.0;
    let mut b: f64 = 0.0;
    if PyArg_ParseTuple(args, c"dd".as_ptr(), &mut a, &mut b) == 0 {
        return ptr::null_mut();
    }
    let scaled = a / b;
    let half = PyFloat_AsDouble(PyTuple_GetItem(args, 0)) / 2.0;
    let cents = (a as i64) / 100;
    let rem = (b as u32) % 7;
    PyFloat_FromDouble(scaled + half + cents as f64 + rem as f64)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"ratio".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: ratio },
        ml_flags: METH_VARARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
