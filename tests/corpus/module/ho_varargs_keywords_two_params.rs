// expect: MD001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn connect(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: `args` is the argument tuple.
    let n = unsafe { PyTuple_Size(args) };
    // SAFETY: attached.
    unsafe { PyLong_FromSsize_t(n) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"connect".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: connect },
        ml_flags: METH_VARARGS | METH_KEYWORDS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
