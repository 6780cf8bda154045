// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe fn new_counter(start: i64) -> *mut PyObject {
    let d = PyDict_New();
    if d.is_null() {
        return ptr::null_mut();
    }
    let v = PyLong_FromLongLong(start);
    if v.is_null() {
        Py_DECREF(d);
        return ptr::null_mut();
    }
    let rc = PyDict_SetItemString(d, c"n".as_ptr(), v);
    Py_DECREF(v);
    if rc < 0 {
        Py_DECREF(d);
        return ptr::null_mut();
    }
    d
}

unsafe extern "C" fn exec_module(module: *mut PyObject) -> std::os::raw::c_int {
    let counter = new_counter(0);
    if counter.is_null() {
        return -1;
    }
    if PyObject_SetAttrString(module, c"counter".as_ptr(), counter) < 0 {
        return -1;
    }
    Py_DECREF(counter);
    0
}
