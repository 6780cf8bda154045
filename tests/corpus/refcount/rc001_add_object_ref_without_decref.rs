// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> std::os::raw::c_int {
    let version = PyUnicode_FromString(c"1.0".as_ptr());
    if version.is_null() {
        return -1;
    }
    if PyModule_AddObjectRef(module, c"__version__".as_ptr(), version) < 0 {
        Py_DECREF(version);
        return -1;
    }
    0
}
