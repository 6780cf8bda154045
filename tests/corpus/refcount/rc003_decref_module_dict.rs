// expect: RC003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> std::os::raw::c_int {
    let dict = PyModule_GetDict(module);
    let rc = PyDict_SetItemString(dict, c"flag".as_ptr(), Py_True());
    Py_DECREF(dict);
    if rc < 0 {
        return -1;
    }
    0
}
