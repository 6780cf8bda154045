// expect: UW002
// `unwrap_or_else(resume_unwind)` in closure form: the panic is re-raised anyway.
use std::panic;
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn total(_module: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    let n = PyList_Size(list);
    if n < 0 {
        return ptr::null_mut();
    }
    let sum = panic::catch_unwind(|| (0..n).sum::<isize>()).unwrap_or_else(|e| panic::resume_unwind(e));
    PyLong_FromSsize_t(sum)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"total".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: total },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
