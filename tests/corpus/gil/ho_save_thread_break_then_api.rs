// expect: GT002
use pyo3_ffi::*;

fn poll(i: u32) -> bool {
    i % 7 == 3
}

unsafe extern "C" fn wait_ready(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let mut found = 0u32;
    for i in 0..100 {
        // SAFETY: attached at the top of each iteration.
        let save = unsafe { PyEval_SaveThread() };
        if poll(i) {
            found = i;
            break;
        }
        // SAFETY: `save` came from PyEval_SaveThread.
        unsafe { PyEval_RestoreThread(save) };
    }
    // SAFETY: attached, except on the `break` path (the mistake).
    unsafe { PyLong_FromUnsignedLong(found as _) }
}
