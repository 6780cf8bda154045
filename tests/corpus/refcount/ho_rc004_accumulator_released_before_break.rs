// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn total(_module: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state and a valid argument.
    unsafe {
        let mut acc = PyLong_FromLong(0);
        if acc.is_null() {
            return ptr::null_mut();
        }
        let n = PySequence_Size(seq);
        let mut failed = false;
        for i in 0..n {
            let item = PySequence_GetItem(seq, i);
            if item.is_null() {
                Py_DECREF(acc);
                failed = true;
                break;
            }
            let next = PyNumber_Add(acc, item);
            Py_DECREF(item);
            Py_DECREF(acc);
            if next.is_null() {
                failed = true;
                break;
            }
            acc = next;
        }
        if failed {
            Py_XDECREF(acc);
            return ptr::null_mut();
        }
        acc
    }
}
