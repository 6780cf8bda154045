// expect: GT003
use pyo3_ffi::*;
use std::ptr;

macro_rules! ffi {
    ($e:expr) => {
        unsafe { $e }
    };
}

#[no_mangle]
pub static mut FREE_THREADED: *mut std::ffi::c_void = Py_MOD_GIL_NOT_USED;

pub unsafe extern "C" fn deref(_m: *mut PyObject, weak: *mut PyObject) -> *mut PyObject {
    let target = ffi!(PyWeakref_GetObject(weak));
    if target.is_null() {
        return ptr::null_mut();
    }
    ffi!(Py_NewRef(target))
}
