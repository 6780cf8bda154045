// expect: GT001
use pyo3_ffi::*;

unsafe extern "C" fn work(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let mut saved: Option<*mut PyThreadState> = None;
    // SAFETY: attached on entry.
    saved = Some(unsafe { PyEval_SaveThread() });
    let total: u64 = (0..1000u64).sum();
    // SAFETY: wrong on purpose: still detached here.
    let name = unsafe { PyObject_Repr(arg) };
    if let Some(ts) = saved.take() {
        // SAFETY: `ts` came from PyEval_SaveThread.
        unsafe { PyEval_RestoreThread(ts) };
    }
    if name.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { Py_DECREF(name) };
    // SAFETY: attached.
    unsafe { PyLong_FromUnsignedLongLong(total) }
}
