// expect: RC005
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> std::os::raw::c_int {
    let error = PyErr_NewException(c"demo.Error".as_ptr(), ptr::null_mut(), ptr::null_mut());
    if error.is_null() {
        return -1;
    }
    let rc = PyModule_AddObject(module, c"Error".as_ptr(), error);
    if rc != 0 {
        return -1;
    }
    0
}
