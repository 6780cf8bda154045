// expect: clean
use pyo3_ffi::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

fn render(n: i64) -> String {
    format!("#{n:06}\0")
}

unsafe extern "C" fn label(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsLongLong(arg) };
    // SAFETY: attached.
    if n == -1 && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    catch_unwind(AssertUnwindSafe(|| {
        let text = render(n);
        // SAFETY: attached; `text` is NUL-terminated.
        unsafe { PyUnicode_FromString(text.as_ptr().cast()) }
    }))
    .unwrap_or_else(|_| {
        // SAFETY: attached.
        unsafe { PyErr_SetString(PyExc_SystemError, c"label() panicked".as_ptr()) };
        std::ptr::null_mut()
    })
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"label".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: label },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
