// expect: RC002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn show(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let n = PyObject_Length(PyObject_Dir(obj));
    if n < 0 {
        return ptr::null_mut();
    }
    PyLong_FromSsize_t(n)
}
