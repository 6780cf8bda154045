// expect: RC005
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;

static mut SPEC: *mut PyType_Spec = ptr::null_mut();

unsafe extern "C" fn exec(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        let tp = PyType_FromModuleAndSpec(module, SPEC, ptr::null_mut());
        if tp.is_null() {
            return -1;
        }
        if PyModule_AddObject(module, c"Reader".as_ptr(), tp) < 0 {
            return -1;
        }
        0
    }
}
