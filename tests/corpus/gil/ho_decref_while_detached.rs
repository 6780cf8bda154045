// expect: GT001
use pyo3_ffi as ffi;

unsafe extern "C" fn flush(_self: *mut ffi::PyObject, _args: *mut ffi::PyObject) -> *mut ffi::PyObject {
    // SAFETY: attached on entry.
    let pending = unsafe { ffi::PyList_New(0) };
    if pending.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: attached on entry.
    let ts = unsafe { ffi::PyEval_SaveThread() };
    std::thread::sleep(std::time::Duration::from_millis(1));
    // SAFETY: wrong on purpose: the reference is released with the thread state detached.
    unsafe { ffi::Py_DECREF(pending) };
    // SAFETY: `ts` came from PyEval_SaveThread.
    unsafe { ffi::PyEval_RestoreThread(ts) };
    // SAFETY: attached again.
    unsafe { ffi::Py_NewRef(ffi::Py_None()) }
}
