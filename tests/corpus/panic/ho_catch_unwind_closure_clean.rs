// expect: clean
use pyo3_ffi::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

fn compute(values: &[i64], idx: usize) -> i64 {
    values[idx] / values[0]
}

unsafe extern "C" fn pick(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let idx = unsafe { PyLong_AsSize_t(arg) };
    // SAFETY: attached.
    if idx == usize::MAX && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    let values = vec![3, 6, 9];
    match catch_unwind(AssertUnwindSafe(|| compute(&values, idx))) {
        // SAFETY: attached.
        Ok(v) => unsafe { PyLong_FromLongLong(v) },
        Err(_) => {
            // SAFETY: attached.
            unsafe { PyErr_SetString(PyExc_RuntimeError, c"internal error".as_ptr()) };
            std::ptr::null_mut()
        }
    }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"pick".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: pick },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    },
    PyMethodDef::zeroed(),
];
