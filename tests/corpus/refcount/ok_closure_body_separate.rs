// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe fn with_repr<F: FnOnce(*mut PyObject) -> i32>(obj: *mut PyObject, f: F) -> i32 {
    let r = PyObject_Repr(obj);
    if r.is_null() {
        return -1;
    }
    let rc = f(r);
    Py_DECREF(r);
    rc
}

unsafe extern "C" fn print_repr(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let rc = with_repr(obj, |r| {
        let len = PyUnicode_GetLength(r);
        if len < 0 { -1 } else { 0 }
    });
    if rc < 0 {
        return ptr::null_mut();
    }
    Py_NewRef(Py_None())
}
