// expect: clean
use pyo3_ffi::*;

fn crunch(n: u64) -> u64 {
    (0..n).fold(0u64, |acc, x| acc.wrapping_add(x.wrapping_mul(x)))
}

unsafe extern "C" fn sum_squares(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed reference passed by CPython.
    let n = unsafe { PyLong_AsUnsignedLongLong(arg) };
    // SAFETY: attached on entry.
    if n == u64::MAX && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    // SAFETY: attached on entry.
    let save = unsafe { PyEval_SaveThread() };
    let total = crunch(n);
    // SAFETY: `save` came from PyEval_SaveThread above.
    unsafe { PyEval_RestoreThread(save) };
    // SAFETY: attached again.
    unsafe { PyLong_FromUnsignedLongLong(total) }
}
