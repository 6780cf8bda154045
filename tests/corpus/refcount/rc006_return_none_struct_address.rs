// expect: RC006
use std::ptr;

use cpython_sys::*;

unsafe extern "C" fn clear_cache(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    if PyErr_Occurred().is_null() {
        return ptr::addr_of_mut!(_Py_NoneStruct);
    }
    ptr::null_mut()
}
