// expect: RC003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn head(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut item = PyTuple_GetItem(args, 0);
    if item.is_null() {
        return ptr::null_mut();
    }
    let res = PyObject_Str(item);
    Py_CLEAR(&mut item);
    res
}
