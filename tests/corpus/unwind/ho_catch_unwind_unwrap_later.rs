// expect: UW002
use pyo3_ffi::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

fn score(s: &[u8]) -> u32 {
    s.iter().map(|b| *b as u32).sum()
}

unsafe extern "C" fn py_score(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let mut buf: *mut std::ffi::c_char = std::ptr::null_mut();
    let mut len: Py_ssize_t = 0;
    // SAFETY: `arg` is a borrowed argument.
    if unsafe { PyBytes_AsStringAndSize(arg, &mut buf, &mut len) } < 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: `buf` holds `len` bytes while `arg` is alive.
    let data = unsafe { std::slice::from_raw_parts(buf as *const u8, len as usize) };
    let outcome = catch_unwind(AssertUnwindSafe(|| score(data)));
    let value = outcome.unwrap();
    // SAFETY: attached.
    unsafe { PyLong_FromUnsignedLong(value as _) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"score".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: py_score },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
