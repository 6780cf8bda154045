// expect: clean
use pyo3_ffi::*;
use std::panic::catch_unwind;

fn digits(n: u64) -> u32 {
    n.checked_ilog10().map_or(1, |d| d + 1)
}

unsafe extern "C" fn py_digits(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsUnsignedLongLong(arg) };
    // SAFETY: attached.
    if n == u64::MAX && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    if let Ok(d) = catch_unwind(|| digits(n)) {
        // SAFETY: attached.
        unsafe { PyLong_FromUnsignedLong(d as _) }
    } else {
        // SAFETY: attached.
        unsafe { PyErr_SetString(PyExc_SystemError, c"digits panicked".as_ptr()) };
        std::ptr::null_mut()
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"digits".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: py_digits },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
