// expect: clean
use pyo3_ffi::*;
use std::thread;

unsafe extern "C" fn parallel_sum(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsLongLong(arg) };
    // SAFETY: attached.
    if n == -1 && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    let half = n / 2;
    // SAFETY: attached on entry.
    let save = unsafe { PyEval_SaveThread() };
    let t = thread::spawn(move || (0..half).sum::<i64>());
    let upper: i64 = (half..n).sum();
    let lower = t.join().unwrap_or(0);
    // SAFETY: from PyEval_SaveThread.
    unsafe { PyEval_RestoreThread(save) };
    // SAFETY: attached.
    unsafe { PyLong_FromLongLong(lower + upper) }
}
