// expect: clean
use pyo3_ffi::*;

/// Hashes bytes with the thread state detached; the object stays on this thread.
pub unsafe fn digest(bytes: *mut PyObject) -> u64 {
    let data = PyBytes_AsString(bytes) as *const u8;
    let len = PyBytes_Size(bytes) as usize;
    let slice = std::slice::from_raw_parts(data, len);
    let state = PyEval_SaveThread();
    let h = slice.iter().fold(0xcbf29ce484222325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x100000001b3));
    PyEval_RestoreThread(state);
    h
}
