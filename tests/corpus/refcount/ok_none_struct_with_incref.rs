// expect: clean
use std::ptr;

use cpython_sys::*;

unsafe extern "C" fn clear_cache(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let none = ptr::addr_of_mut!(_Py_NoneStruct);
    Py_INCREF(none);
    none
}
