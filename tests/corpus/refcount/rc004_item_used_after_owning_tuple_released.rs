// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn hash_of_wrapped(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let wrapper = PyTuple_New(1);
    if wrapper.is_null() {
        return ptr::null_mut();
    }
    let text = PyObject_Str(arg);
    if text.is_null() {
        Py_DECREF(wrapper);
        return ptr::null_mut();
    }
    PyTuple_SET_ITEM(wrapper, 0, text);
    Py_DECREF(wrapper);
    let h = PyObject_Hash(text);
    if h == -1 {
        return ptr::null_mut();
    }
    PyLong_FromSsize_t(h)
}
