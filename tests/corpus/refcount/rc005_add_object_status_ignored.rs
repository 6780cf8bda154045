// expect: RC005
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> std::os::raw::c_int {
    let flag = PyBool_FromLong(1);
    if flag.is_null() {
        return -1;
    }
    PyModule_AddObject(module, c"enabled".as_ptr(), flag);
    0
}
