// expect: EI002
// The near miss: the tuple is fresh but has two slots, and index 2 is out of
// range, so `PyTuple_SetItem` fails with IndexError and the result is dropped.
use pyo3_ffi::*;
use std::ptr;

pub unsafe fn triple(a: *mut PyObject, b: *mut PyObject, c: *mut PyObject) -> *mut PyObject {
    let t = PyTuple_New(2);
    if t.is_null() {
        return ptr::null_mut();
    }
    PyTuple_SetItem(t, 0, a);
    PyTuple_SetItem(t, 1, b);
    PyTuple_SetItem(t, 2, c);
    t
}
