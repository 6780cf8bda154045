// expect: EI002
use pyo3_ffi as ffi;
use std::os::raw::c_int;

unsafe extern "C" fn module_exec(module: *mut ffi::PyObject) -> c_int {
    let _ = ffi::PyModule_AddIntConstant(module, c"MAX_DEPTH".as_ptr(), 64);
    if ffi::PyModule_AddStringConstant(module, c"VERSION".as_ptr(), c"1.0".as_ptr()) < 0 {
        return -1;
    }
    0
}
