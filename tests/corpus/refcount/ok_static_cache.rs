// expect: clean
use pyo3_ffi::*;
use std::ptr;

static mut CACHE: *mut PyObject = ptr::null_mut();

unsafe extern "C" fn cached(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    if CACHE.is_null() {
        let d = PyDict_New();
        if d.is_null() {
            return ptr::null_mut();
        }
        CACHE = d;
    }
    Py_NewRef(CACHE)
}
