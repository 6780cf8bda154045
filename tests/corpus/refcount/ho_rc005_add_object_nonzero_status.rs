// expect: RC005
use pyo3_ffi::*;
use std::os::raw::c_int;

unsafe extern "C" fn exec(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        let version = PyUnicode_FromString(c"1.4.2".as_ptr());
        if version.is_null() {
            return -1;
        }
        let status = PyModule_AddObject(module, c"__version__".as_ptr(), version);
        if status != 0 {
            return status;
        }
        0
    }
}
