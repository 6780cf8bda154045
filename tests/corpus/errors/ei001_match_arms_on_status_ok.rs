// expect: clean
use pyo3_ffi::*;
use std::ptr::{self, NonNull};
unsafe extern "C" fn f(_s: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let attr = match NonNull::new(PyObject_GetAttrString(o, c"x".as_ptr())) {
        Some(p) => p,
        None => return ptr::null_mut(),
    };
    match PyObject_IsTrue(attr.as_ptr()) {
        1 => {}
        0 => { Py_DECREF(attr.as_ptr()); return Py_NewRef(Py_False()); }
        _ => { Py_DECREF(attr.as_ptr()); return ptr::null_mut(); }
    }
    match PyObject_Length(o) {
        n if n < 0 => { Py_DECREF(attr.as_ptr()); return ptr::null_mut(); }
        _ => {}
    }
    attr.as_ptr()
}
