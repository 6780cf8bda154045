// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn call_close(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let close = PyObject_GetAttrString(obj, c"close".as_ptr());
    if close.is_null() {
        return ptr::null_mut();
    }
    if PyCallable_Check(close) == 0 {
        Py_DECREF(close);
        PyErr_SetString(PyExc_TypeError, c"close is not callable".as_ptr());
        return ptr::null_mut();
    }
    let res = PyObject_CallNoArgs(close);
    Py_DECREF(close);
    res
}
