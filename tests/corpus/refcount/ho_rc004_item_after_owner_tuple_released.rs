// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn boxed_hash(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let text = PyObject_Str(arg);
        if text.is_null() {
            return ptr::null_mut();
        }
        let boxed = PyTuple_New(1);
        if boxed.is_null() {
            Py_DECREF(text);
            return ptr::null_mut();
        }
        PyTuple_SET_ITEM(boxed, 0, text);
        Py_DECREF(boxed);
        let h = PyObject_Hash(text);
        if h == -1 {
            return ptr::null_mut();
        }
        PyLong_FromSsize_t(h)
    }
}
