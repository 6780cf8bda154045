// expect: clean
use pyo3_ffi::*;
use std::ptr;

static mut INTERNED: *mut PyObject = ptr::null_mut();

unsafe fn interned_name() -> *mut PyObject {
    if INTERNED.is_null() {
        let s = PyUnicode_InternFromString(c"name".as_ptr());
        if s.is_null() {
            return ptr::null_mut();
        }
        INTERNED = s;
    }
    INTERNED
}

unsafe extern "C" fn get(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let name = interned_name();
    if name.is_null() {
        return ptr::null_mut();
    }
    PyObject_GetAttr(obj, name)
}
