// expect: GT001
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

unsafe extern "C" fn stamp(_module: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let work = || {
        // SAFETY: wrong on purpose: `work` runs with the thread state detached.
        unsafe { PyObject_SetAttrString(obj, c"stamped".as_ptr(), Py_True()) }
    };
    if allow_threads(work) < 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { Py_NewRef(obj) }
}
