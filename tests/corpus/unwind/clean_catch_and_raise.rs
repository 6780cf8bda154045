// expect: clean
// The textbook shape: catch, set an exception on Err, return NULL.
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn safe_len(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let result = catch_unwind(AssertUnwindSafe(|| PyObject_Size(arg)));
    match result {
        Ok(n) if n >= 0 => PyLong_FromSsize_t(n),
        Ok(_) => ptr::null_mut(),
        Err(_) => {
            PyErr_SetString(PyExc_SystemError, c"panic in safe_len".as_ptr());
            ptr::null_mut()
        }
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"safe_len".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: safe_len },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
