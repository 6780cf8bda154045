// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> std::os::raw::c_int {
    let api = PyCapsule_Import(c"datetime.datetime_CAPI".as_ptr(), 0);
    if api.is_null() {
        return -1;
    }
    let cap = PyCapsule_New(api, c"demo._api".as_ptr(), None);
    if cap.is_null() {
        return -1;
    }
    if PyModule_Add(module, c"_api".as_ptr(), cap) < 0 {
        return -1;
    }
    0
}
