// expect: UW002
use pyo3_ffi::*;
use std::panic::{self, AssertUnwindSafe};

fn normalise(s: &str) -> String {
    s.trim().to_lowercase() + "\0"
}

unsafe extern "C" fn py_normalise(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let raw = unsafe { PyUnicode_AsUTF8(arg) };
    if raw.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: NUL-terminated UTF-8 from CPython.
    let text = unsafe { std::ffi::CStr::from_ptr(raw) }.to_string_lossy();
    let out = panic::catch_unwind(AssertUnwindSafe(|| normalise(&text))).expect("normalise panicked");
    // SAFETY: `out` is NUL-terminated.
    unsafe { PyUnicode_FromString(out.as_ptr().cast()) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"normalise".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: py_normalise },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
