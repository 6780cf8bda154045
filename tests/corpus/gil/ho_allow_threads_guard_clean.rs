// expect: clean
use pyo3_ffi::*;

/// Detaches the thread state for its lifetime.
struct AllowThreads(*mut PyThreadState);

impl AllowThreads {
    fn new() -> Self {
        // SAFETY: callers hold an attached thread state.
        AllowThreads(unsafe { PyEval_SaveThread() })
    }
}

impl Drop for AllowThreads {
    fn drop(&mut self) {
        // SAFETY: `self.0` came from PyEval_SaveThread.
        unsafe { PyEval_RestoreThread(self.0) };
    }
}

fn hash_bytes(data: &[u8]) -> u64 {
    data.iter().fold(1469598103934665603u64, |h, b| (h ^ *b as u64).wrapping_mul(1099511628211))
}

unsafe extern "C" fn fnv(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let mut buf: *mut std::os::raw::c_char = std::ptr::null_mut();
    let mut len: Py_ssize_t = 0;
    // SAFETY: `arg` is a borrowed argument.
    if unsafe { PyBytes_AsStringAndSize(arg, &mut buf, &mut len) } < 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: `buf` holds `len` bytes while `arg` is alive.
    let data = unsafe { std::slice::from_raw_parts(buf as *const u8, len as usize) };
    let h = {
        let _detached = AllowThreads::new();
        hash_bytes(data)
    };
    // SAFETY: attached again once the guard dropped.
    unsafe { PyLong_FromUnsignedLongLong(h) }
}
