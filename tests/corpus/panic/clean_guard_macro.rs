// expect: clean
// The crate's own macro runs each body under catch_unwind and raises on panic;
// a plain `fn` pointer trampoline does the same for named helpers.
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use pyo3_ffi::*;

macro_rules! guarded {
    ($body:expr) => {
        match catch_unwind(AssertUnwindSafe(|| $body)) {
            Ok(value) => value,
            Err(_) => {
                PyErr_SetString(PyExc_SystemError, c"panic in extension".as_ptr());
                ptr::null_mut()
            }
        }
    };
}

fn call_guarded(body: fn() -> *mut PyObject) -> *mut PyObject {
    catch_unwind(body).unwrap_or_else(|_| {
        // SAFETY: called from callbacks only, with an attached thread state.
        unsafe { PyErr_SetString(PyExc_SystemError, c"panic in extension".as_ptr()) };
        ptr::null_mut()
    })
}

fn build_answer() -> *mut PyObject {
    let digits: Vec<i64> = vec![4, 2];
    // SAFETY: only reached through a callback.
    unsafe { PyLong_FromLongLong(digits[0] * 10 + digits[1]) }
}

unsafe extern "C" fn first(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    guarded!({
        let n = PyLong_AsLong(arg);
        let table = vec![1_i64, 2, 3];
        PyLong_FromLongLong(table[n as usize] / n)
    })
}

unsafe extern "C" fn answer(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    call_guarded(build_answer)
}

static mut METHODS: [PyMethodDef; 3] = [
    PyMethodDef {
        ml_name: c"first".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: first },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef {
        ml_name: c"answer".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: answer },
        ml_flags: METH_NOARGS,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];
