// expect: MD002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn ping(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { PyUnicode_FromString(c"pong".as_ptr()) }
}

unsafe extern "C" fn echo(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { Py_NewRef(arg) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"ping".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: ping },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: c"echo".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: echo },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
];
