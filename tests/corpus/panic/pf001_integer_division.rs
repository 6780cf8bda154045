// expect: PF001
// Integer division by a value that came from Python: zero aborts the interpreter.
use std::os::raw::c_long;
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn per_item(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut total: *mut PyObject = ptr::null_mut();
    let mut count: *mut PyObject = ptr::null_mut();
    if PyArg_ParseTuple(args, c"OO".as_ptr(), &mut total, &mut count) == 0 {
        return ptr::null_mut();
    }
    let total: c_long = PyLong_AsLong(total);
    if total == -1 && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    let count = PyLong_AsLong(count);
    if count == -1 && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    PyLong_FromLong(total / count)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"per_item".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: per_item },
        ml_flags: METH_VARARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
