// expect: clean
use pyo3_ffi::*;

enum Outcome {
    Done(u64),
    Failed,
}

fn compute(n: u64) -> Outcome {
    if n > 1 << 40 {
        Outcome::Failed
    } else {
        Outcome::Done((0..n).fold(0, |a: u64, b| a.wrapping_add(b)))
    }
}

unsafe extern "C" fn triangular(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsUnsignedLongLong(arg) };
    // SAFETY: attached.
    if n == u64::MAX && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    // SAFETY: attached on entry.
    let save = unsafe { PyEval_SaveThread() };
    match compute(n) {
        Outcome::Done(v) => {
            // SAFETY: `save` came from PyEval_SaveThread.
            unsafe { PyEval_RestoreThread(save) };
            // SAFETY: attached again.
            unsafe { PyLong_FromUnsignedLongLong(v) }
        }
        Outcome::Failed => {
            // SAFETY: `save` came from PyEval_SaveThread.
            unsafe { PyEval_RestoreThread(save) };
            // SAFETY: attached again.
            unsafe { PyErr_SetString(PyExc_OverflowError, c"too large".as_ptr()) };
            std::ptr::null_mut()
        }
    }
}
