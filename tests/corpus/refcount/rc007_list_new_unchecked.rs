// expect: RC007
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn one_element(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let list = PyList_New(0);
    if PyList_Append(list, arg) < 0 {
        Py_DECREF(list);
        return ptr::null_mut();
    }
    list
}
