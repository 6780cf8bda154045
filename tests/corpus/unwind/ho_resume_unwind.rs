// expect: UW002
use pyo3_ffi::*;
use std::panic;

fn render(n: i64) -> String {
    format!("<{n}>\0")
}

unsafe extern "C" fn tag(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsLongLong(arg) };
    // SAFETY: attached.
    if n == -1 && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    let text = match panic::catch_unwind(|| render(n)) {
        Ok(t) => t,
        Err(payload) => panic::resume_unwind(payload),
    };
    // SAFETY: `text` is NUL-terminated.
    unsafe { PyUnicode_FromString(text.as_ptr().cast()) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"tag".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: tag },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
