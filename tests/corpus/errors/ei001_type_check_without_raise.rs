// expect: EI001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn mean(_m: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    if PyList_Check(seq) == 0 {
        return ptr::null_mut();
    }
    let n = PyList_GET_SIZE(seq);
    if n == 0 {
        PyErr_SetString(PyExc_ValueError, c"mean of empty list".as_ptr());
        return ptr::null_mut();
    }
    let mut total = 0.0;
    for i in 0..n {
        let x = PyFloat_AsDouble(PyList_GET_ITEM(seq, i));
        if x == -1.0 && !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        total += x;
    }
    PyFloat_FromDouble(total / n as f64)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"mean".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: mean },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
