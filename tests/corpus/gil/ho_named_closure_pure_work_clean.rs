// expect: clean
use pyo3_ffi::*;

/// Runs `f` with the thread state detached.
fn allow_threads<R>(f: impl FnOnce() -> R) -> R {
    // SAFETY: callers hold an attached thread state.
    let save = unsafe { PyEval_SaveThread() };
    let r = f();
    // SAFETY: `save` came from PyEval_SaveThread.
    unsafe { PyEval_RestoreThread(save) };
    r
}

unsafe extern "C" fn popcount(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsUnsignedLongLong(arg) };
    // SAFETY: attached.
    if n == u64::MAX && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    let work = move || (0..64).filter(|b| n >> b & 1 == 1).count();
    let bits = allow_threads(work);
    let finish = || {
        // SAFETY: attached: `finish` runs after `allow_threads` returned.
        unsafe { PyLong_FromSize_t(bits) }
    };
    finish()
}
