// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn call_close(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let close = PyObject_GetAttrString(obj, c"close".as_ptr());
        if close.is_null() {
            return ptr::null_mut();
        }
        let res = PyObject_CallNoArgs(close);
        Py_DECREF(close);
        if res.is_null() {
            return ptr::null_mut();
        }
        Py_DECREF(res);
        Py_NewRef(Py_None())
    }
}
