// expect: RC008
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn exec_module(_module: *mut PyObject) -> std::os::raw::c_int {
    let api = PyCapsule_Import(c"datetime.datetime_CAPI".as_ptr(), 0);
    if api.is_null() {
        return -1;
    }
    Py_INCREF(api as *mut PyObject);
    0
}
