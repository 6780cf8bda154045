// expect: RC005
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn as_tuple(_m: *mut PyObject, dict: *mut PyObject) -> *mut PyObject {
    let value = PyDict_GetItemString(dict, c"value".as_ptr());
    if value.is_null() {
        PyErr_SetString(PyExc_KeyError, c"value".as_ptr());
        return ptr::null_mut();
    }
    let t = PyTuple_New(1);
    if t.is_null() {
        return ptr::null_mut();
    }
    if PyTuple_SetItem(t, 0, value) < 0 {
        Py_DECREF(t);
        return ptr::null_mut();
    }
    t
}
