// expect: clean
// A discarded `PyModule_AddObject` leaks its value on failure: that one mistake
// is RC005's finding, so EI002 stays quiet about it.
use std::ffi::c_int;

use pyo3_ffi::*;

unsafe extern "C" fn module_exec(module: *mut PyObject) -> c_int {
    // SAFETY: CPython runs the exec slot with an attached thread state.
    unsafe {
        let version = PyLong_FromLong(3);
        if version.is_null() {
            return -1;
        }
        PyModule_AddObject(module, c"version".as_ptr(), version);
    }
    0
}
