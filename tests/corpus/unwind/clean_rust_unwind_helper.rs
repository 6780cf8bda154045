// expect: clean
// "C-unwind" on a Rust-to-Rust helper that CPython never calls, and a plain "C" callback.
use std::ptr;

use pyo3_ffi::*;

pub extern "C-unwind" fn checksum(data: *const u8, len: usize) -> u32 {
    let mut sum = 0u32;
    for i in 0..len {
        // SAFETY: the caller passes a valid buffer of `len` bytes.
        sum = sum.wrapping_add(u32::from(unsafe { *data.add(i) }));
    }
    sum
}

unsafe extern "C" fn version(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    PyLong_FromLong(1)
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"version".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: version },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
