// expect: clean
// A crate-local trampoline runs every body under catch_unwind and raises on panic.
use std::panic::{self, UnwindSafe};
use std::ptr;

use pyo3_ffi::*;

fn trap<F>(body: F) -> *mut PyObject
where
    F: FnOnce() -> *mut PyObject + UnwindSafe,
{
    match panic::catch_unwind(body) {
        Ok(obj) => obj,
        Err(_) => {
            // SAFETY: called from a callback, with an attached thread state.
            unsafe { PyErr_SetString(PyExc_SystemError, c"rust panic".as_ptr()) };
            ptr::null_mut()
        }
    }
}

fn parse(text: &str) -> i64 {
    text.parse().unwrap()
}

unsafe extern "C" fn to_int(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    trap(|| {
        let raw = PyUnicode_AsUTF8(arg);
        let text = std::ffi::CStr::from_ptr(raw).to_str().unwrap();
        PyLong_FromLongLong(parse(text))
    })
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"to_int".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: to_int },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
