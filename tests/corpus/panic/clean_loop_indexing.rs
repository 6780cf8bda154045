// expect: clean
// Indexing bounded by the loop, by an emptiness test and into a fixed array.
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn smooth(_module: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    let n = PyList_Size(list);
    if n < 0 {
        return ptr::null_mut();
    }
    let mut values: Vec<f64> = Vec::new();
    for i in 0..n {
        values.push(PyFloat_AsDouble(PyList_GetItem(list, i)));
    }
    if !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    if values.is_empty() {
        return PyFloat_FromDouble(0.0);
    }
    let mut acc = values[0];
    for i in 0..values.len() {
        acc = acc * 0.5 + values[i] * 0.5;
    }
    let weights = [0.25, 0.5, 0.25];
    PyFloat_FromDouble(acc * weights[1])
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"smooth".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: smooth },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
