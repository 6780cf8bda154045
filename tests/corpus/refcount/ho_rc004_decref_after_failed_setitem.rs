// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn pair(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let tuple = PyTuple_New(2);
        if tuple.is_null() {
            return ptr::null_mut();
        }
        let len = PyLong_FromSsize_t(PyObject_Length(arg));
        if len.is_null() {
            Py_DECREF(tuple);
            return ptr::null_mut();
        }
        if PyTuple_SetItem(tuple, 0, len) < 0 {
            Py_DECREF(len);
            Py_DECREF(tuple);
            return ptr::null_mut();
        }
        Py_INCREF(arg);
        if PyTuple_SetItem(tuple, 1, arg) < 0 {
            Py_DECREF(tuple);
            return ptr::null_mut();
        }
        tuple
    }
}
