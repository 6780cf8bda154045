// expect: clean
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
struct State {
    error: *mut PyObject,
}

unsafe extern "C" fn exec_module(module: *mut PyObject) -> std::os::raw::c_int {
    let state = PyModule_GetState(module) as *mut State;
    let error = PyErr_NewException(c"demo.Error".as_ptr(), ptr::null_mut(), ptr::null_mut());
    if error.is_null() {
        return -1;
    }
    (*state).error = error;
    if PyModule_AddObjectRef(module, c"Error".as_ptr(), error) < 0 {
        return -1;
    }
    0
}
