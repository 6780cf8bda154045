// expect: clean
use pyo3_ffi::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

fn checked_len(text: &str) -> usize {
    text.chars().count()
}

unsafe extern "C" fn char_count(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let raw = unsafe { PyUnicode_AsUTF8(arg) };
    if raw.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: NUL-terminated UTF-8 from CPython.
    let text = unsafe { std::ffi::CStr::from_ptr(raw) }.to_string_lossy();
    let result = catch_unwind(AssertUnwindSafe(|| checked_len(&text)));
    match result {
        // SAFETY: attached.
        Ok(n) => unsafe { PyLong_FromSize_t(n) },
        Err(_) => {
            // SAFETY: attached.
            unsafe { PyErr_SetString(PyExc_SystemError, c"panic in char_count".as_ptr()) };
            std::ptr::null_mut()
        }
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"char_count".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: char_count },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
