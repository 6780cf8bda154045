// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn digest(_m: *mut PyObject, data: *mut PyObject) -> *mut PyObject {
    let n = PyBytes_Size(data);
    if n < 0 {
        return ptr::null_mut();
    }
    let p = PyBytes_AsString(data) as *const u8;
    if p.is_null() {
        return ptr::null_mut();
    }
    let bytes = std::slice::from_raw_parts(p, n as usize).to_vec();
    let state = PyEval_SaveThread();
    let h = bytes.iter().fold(0xcbf29ce484222325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x100000001b3));
    PyEval_RestoreThread(state);
    PyLong_FromUnsignedLongLong(h)
}
