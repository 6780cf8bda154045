// expect: clean
use pyo3_ffi::*;

/// Detaches; the caller must pass the result to `attach`.
pub unsafe fn detach() -> *mut PyThreadState {
    let state = PyEval_SaveThread();
    state
}

pub unsafe fn attach(state: *mut PyThreadState) {
    PyEval_RestoreThread(state);
}

pub unsafe fn sleep_detached(ms: u64) {
    let state = detach();
    std::thread::sleep(std::time::Duration::from_millis(ms));
    attach(state);
}
