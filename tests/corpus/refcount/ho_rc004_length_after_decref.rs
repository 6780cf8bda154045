// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn str_len(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let s = PyObject_Str(obj);
        if s.is_null() {
            return ptr::null_mut();
        }
        Py_DECREF(s);
        let n = PyUnicode_GetLength(s);
        if n < 0 {
            return ptr::null_mut();
        }
        PyLong_FromSsize_t(n)
    }
}
