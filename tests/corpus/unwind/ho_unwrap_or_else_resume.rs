// expect: UW002
use pyo3_ffi::*;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

fn checksum(data: &[u8]) -> u32 {
    data.iter().fold(0u32, |a, b| a.rotate_left(3) ^ *b as u32)
}

unsafe extern "C" fn py_checksum(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let mut buf: *mut std::ffi::c_char = std::ptr::null_mut();
    let mut len: Py_ssize_t = 0;
    // SAFETY: `arg` is a borrowed argument.
    if unsafe { PyBytes_AsStringAndSize(arg, &mut buf, &mut len) } < 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: `buf` holds `len` bytes while `arg` is alive.
    let data = unsafe { std::slice::from_raw_parts(buf as *const u8, len as usize) };
    let sum = catch_unwind(AssertUnwindSafe(|| checksum(data))).unwrap_or_else(|e| resume_unwind(e));
    // SAFETY: attached.
    unsafe { PyLong_FromUnsignedLong(sum as _) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"checksum".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: py_checksum },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
