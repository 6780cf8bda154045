// expect: GT001
use pyo3_ffi::*;

fn busy_wait(limit: u64) -> Option<u64> {
    (0..limit).find(|x| x * x > limit)
}

unsafe extern "C" fn isqrt_ceil(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let n = unsafe { PyLong_AsUnsignedLongLong(arg) };
    // SAFETY: attached.
    if n == u64::MAX && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    // SAFETY: attached on entry.
    let save = unsafe { PyEval_SaveThread() };
    let Some(root) = busy_wait(n) else {
        // SAFETY: wrong on purpose: the error is raised before re-attaching.
        unsafe { PyErr_SetString(PyExc_ValueError, c"no root".as_ptr()) };
        // SAFETY: `save` came from PyEval_SaveThread.
        unsafe { PyEval_RestoreThread(save) };
        return std::ptr::null_mut();
    };
    // SAFETY: `save` came from PyEval_SaveThread.
    unsafe { PyEval_RestoreThread(save) };
    // SAFETY: attached.
    unsafe { PyLong_FromUnsignedLongLong(root) }
}
