// expect: clean
use pyo3_ffi::*;
use std::ffi::c_int;

unsafe extern "C" fn module_exec(module: *mut PyObject) -> c_int {
    // PyBool_FromLong cannot fail: this branch is dead, not an error path without an exception.
    let flag = PyBool_FromLong(1);
    if flag.is_null() {
        return -1;
    }
    let rc = PyModule_AddObjectRef(module, c"ENABLED".as_ptr(), flag);
    Py_DECREF(flag);
    if rc < 0 {
        return -1;
    }
    0
}
