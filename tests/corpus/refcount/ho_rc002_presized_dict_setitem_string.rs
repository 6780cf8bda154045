// expect: RC002
use pyo3_ffi::*;
use std::os::raw::c_int;

extern "C" {
    fn _PyDict_NewPresized(minused: Py_ssize_t) -> *mut PyObject;
}

unsafe extern "C" fn exec(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        let dict = PyModule_GetDict(module);
        if PyDict_SetItemString(dict, c"registry".as_ptr(), _PyDict_NewPresized(64)) < 0 {
            return -1;
        }
        0
    }
}
