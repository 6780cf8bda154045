// expect: clean
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
pub struct Holder {
    ob_base: PyObject,
    cache: *mut PyObject,
}

unsafe extern "C" fn holder_init(slf: *mut PyObject, _args: *mut PyObject, _kw: *mut PyObject) -> std::os::raw::c_int {
    let this = slf as *mut Holder;
    let cache = PyDict_New();
    if cache.is_null() {
        return -1;
    }
    (*this).cache = cache;
    0
}
