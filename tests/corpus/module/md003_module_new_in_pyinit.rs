// expect: MD003
// A module object made from scratch and returned by the init function: no
// definition, no slots, single-phase all the same.
use pyo3_ffi::*;
use std::ptr;

#[no_mangle]
pub unsafe extern "C" fn PyInit_constants() -> *mut PyObject {
    let module = PyModule_New(c"constants".as_ptr());
    if module.is_null() {
        return ptr::null_mut();
    }
    if PyModule_AddIntConstant(module, c"ANSWER".as_ptr(), 42) < 0 {
        Py_DECREF(module);
        return ptr::null_mut();
    }
    module
}
