// expect: clean
use pyo3_ffi::*;
use std::os::raw::c_int;

unsafe extern "C" fn exec(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        let limits = PyTuple_New(2);
        if limits.is_null() {
            return -1;
        }
        let low = PyLong_FromLong(0);
        if low.is_null() {
            Py_DECREF(limits);
            return -1;
        }
        if PyTuple_SetItem(limits, 0, low) < 0 {
            Py_DECREF(limits);
            return -1;
        }
        let high = PyLong_FromLong(255);
        if high.is_null() {
            Py_DECREF(limits);
            return -1;
        }
        PyTuple_SET_ITEM(limits, 1, high);
        if PyModule_Add(module, c"LIMITS".as_ptr(), limits) < 0 {
            return -1;
        }
        0
    }
}
