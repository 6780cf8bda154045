// expect: RC002
use pyo3_ffi::*;
use std::os::raw::c_int;

unsafe extern "C" fn module_exec(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        let dict = PyModule_GetDict(module);
        if PyDict_SetItemString(dict, c"VERSION".as_ptr(), PyLong_FromLong(3)) < 0 {
            return -1;
        }
        0
    }
}
