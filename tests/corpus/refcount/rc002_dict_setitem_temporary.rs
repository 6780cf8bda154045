// expect: RC002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> std::os::raw::c_int {
    let dict = PyModule_GetDict(module);
    if PyDict_SetItemString(dict, c"answer".as_ptr(), PyLong_FromLong(42)) < 0 {
        return -1;
    }
    0
}
