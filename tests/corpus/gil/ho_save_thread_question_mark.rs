// expect: GT002
use pyo3_ffi::*;
use std::io;

fn load(path: &str) -> io::Result<Vec<u8>> {
    // SAFETY: callers hold an attached thread state.
    let save = unsafe { PyEval_SaveThread() };
    let data = std::fs::read(path)?;
    // SAFETY: `save` came from PyEval_SaveThread.
    unsafe { PyEval_RestoreThread(save) };
    Ok(data)
}

unsafe extern "C" fn read_file(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed argument.
    let raw = unsafe { PyUnicode_AsUTF8(arg) };
    if raw.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: NUL-terminated UTF-8 from CPython.
    let path = unsafe { std::ffi::CStr::from_ptr(raw) }.to_string_lossy().into_owned();
    match load(&path) {
        // SAFETY: attached.
        Ok(data) => unsafe { PyBytes_FromStringAndSize(data.as_ptr().cast(), data.len() as Py_ssize_t) },
        Err(_) => {
            // SAFETY: attached.
            unsafe { PyErr_SetFromErrno(PyExc_OSError) }
        }
    }
}
