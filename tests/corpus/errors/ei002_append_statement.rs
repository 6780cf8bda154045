// expect: EI002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn squares(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let n = PyLong_AsSsize_t(arg);
    if n == -1 && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    let list = PyList_New(0);
    if list.is_null() {
        return ptr::null_mut();
    }
    for i in 0..n {
        let sq = PyLong_FromSsize_t(i * i);
        if sq.is_null() {
            Py_DECREF(list);
            return ptr::null_mut();
        }
        PyList_Append(list, sq);
        Py_DECREF(sq);
    }
    list
}
