// expect: GT001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn compress(_m: *mut PyObject, data: *mut PyObject) -> *mut PyObject {
    let mut buf: *mut std::ffi::c_char = ptr::null_mut();
    let mut len: Py_ssize_t = 0;
    if PyBytes_AsStringAndSize(data, &mut buf, &mut len) < 0 {
        return ptr::null_mut();
    }
    let input = std::slice::from_raw_parts(buf as *const u8, len as usize).to_vec();
    let state = PyEval_SaveThread();
    let out: Vec<u8> = input.iter().rev().copied().collect();
    // The input object is no longer needed... but the thread state is detached.
    Py_DECREF(data);
    PyEval_RestoreThread(state);
    PyBytes_FromStringAndSize(out.as_ptr() as *const _, out.len() as Py_ssize_t)
}
