// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> std::os::raw::c_int {
    if PyModule_Add(module, c"empty".as_ptr(), PyTuple_New(0)) < 0 {
        return -1;
    }
    if PyModule_Add(module, c"answer".as_ptr(), PyLong_FromLong(42)) < 0 {
        return -1;
    }
    0
}
