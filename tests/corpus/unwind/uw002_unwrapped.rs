// expect: UW002
// Catching and then unwrapping re-raises the panic at the boundary.
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use pyo3_ffi::*;

unsafe extern "C" fn checked_len(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let n = catch_unwind(AssertUnwindSafe(|| {
        let size = PyObject_Size(arg);
        usize::try_from(size).expect("negative size")
    }))
    .expect("length computation panicked");
    PyLong_FromSize_t(n)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"checked_len".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: checked_len },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
