// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe fn set_slot(tuple: *mut PyObject, index: isize, value: *mut PyObject) -> i32 {
    PyTuple_SetItem(tuple, index, value)
}

unsafe extern "C" fn make(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let t = PyTuple_New(1);
    if t.is_null() {
        return ptr::null_mut();
    }
    let v = PyLong_FromLong(3);
    if v.is_null() {
        Py_DECREF(t);
        return ptr::null_mut();
    }
    if set_slot(t, 0, v) < 0 {
        Py_DECREF(t);
        return ptr::null_mut();
    }
    t
}
