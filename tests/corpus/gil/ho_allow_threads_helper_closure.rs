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

unsafe extern "C" fn sorted_copy(_module: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    // SAFETY: `list` is a borrowed argument.
    let copy = unsafe { PyList_GetSlice(list, 0, PY_SSIZE_T_MAX) };
    if copy.is_null() {
        return std::ptr::null_mut();
    }
    let rc = allow_threads(|| {
        // SAFETY: wrong on purpose: sorting compares objects, which needs the thread state.
        unsafe { PyList_Sort(copy) }
    });
    if rc < 0 {
        // SAFETY: attached.
        unsafe { Py_DECREF(copy) };
        return std::ptr::null_mut();
    }
    copy
}
