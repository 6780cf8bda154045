// expect: RC001
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn both(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let s = PyObject_Str(obj);
        let r = PyObject_Repr(obj);
        if s.is_null() || r.is_null() {
            Py_XDECREF(s);
            return ptr::null_mut();
        }
        let out = PyTuple_Pack(2, s, r);
        Py_DECREF(s);
        Py_DECREF(r);
        out
    }
}
