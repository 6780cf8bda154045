// expect: RC005
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> std::os::raw::c_int {
    let errors = PyDict_New();
    if errors.is_null() {
        return -1;
    }
    if PyModule_AddObject(module, c"errors".as_ptr(), errors) < 0 {
        return -1;
    }
    0
}
