// expect: GT001
use pyo3_ffi::*;
use std::os::raw::c_char;

unsafe fn checksum(buf: *const c_char, len: usize) -> u64 {
    let mut h = 0u64;
    for i in 0..len {
        h = h.wrapping_mul(31).wrapping_add(*buf.add(i) as u64);
    }
    h
}

unsafe extern "C" fn digest(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let mut len: Py_ssize_t = 0;
    // SAFETY: `arg` is a borrowed reference passed by CPython.
    let buf = unsafe { PyUnicode_AsUTF8AndSize(arg, &mut len) };
    if buf.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: the thread state is attached on entry.
    let save = unsafe { PyEval_SaveThread() };
    // SAFETY: `buf` stays valid while `arg` is alive.
    let h = unsafe { checksum(buf, len as usize) };
    // SAFETY: building an int needs the thread state, which is detached here.
    let result = unsafe { PyLong_FromUnsignedLongLong(h) };
    // SAFETY: `save` came from PyEval_SaveThread above.
    unsafe { PyEval_RestoreThread(save) };
    result
}
