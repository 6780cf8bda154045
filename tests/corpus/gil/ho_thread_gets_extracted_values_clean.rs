// expect: clean
use pyo3_ffi::*;
use std::sync::mpsc;
use std::thread;

unsafe extern "C" fn checksum_all(_module: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    // SAFETY: `list` is a borrowed list argument.
    let n = unsafe { PyList_Size(list) };
    if n < 0 {
        return std::ptr::null_mut();
    }
    let mut values = Vec::with_capacity(n as usize);
    for i in 0..n {
        // SAFETY: attached; `i` is in range.
        let item = unsafe { PyList_GetItem(list, i) };
        // SAFETY: attached.
        let v = unsafe { PyLong_AsLongLong(item) };
        // SAFETY: attached.
        if v == -1 && unsafe { !PyErr_Occurred().is_null() } {
            return std::ptr::null_mut();
        }
        values.push(v);
    }
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let sum: i64 = values.iter().fold(0i64, |a, b| a.wrapping_add(*b));
        let _ = tx.send(sum);
    });
    let total = rx.recv().unwrap_or(0);
    // SAFETY: attached.
    unsafe { PyLong_FromLongLong(total) }
}
