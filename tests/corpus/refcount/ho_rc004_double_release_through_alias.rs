// expect: RC004
use pyo3_ffi::*;
use std::ptr;
// RC004: Py_DECREF twice via alias.
unsafe extern "C" fn f(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let s = PyObject_Str(obj);
        if s.is_null() {
            return ptr::null_mut();
        }
        let alias = s;
        let n = PyObject_Length(alias);
        Py_DECREF(alias);
        Py_DECREF(s);
        PyLong_FromSsize_t(n)
    }
}
