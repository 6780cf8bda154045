// expect: RC006
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn first_arg(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let item = PyTuple_GetItem(args, 0);
    if item.is_null() {
        return ptr::null_mut();
    }
    item
}
