// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe fn new_list() -> *mut PyObject {
    let list = PyList_New(0);
    assert!(!list.is_null(), "out of memory");
    if PyList_Append(list, Py_None()) < 0 {
        Py_DECREF(list);
        return ptr::null_mut();
    }
    list
}
