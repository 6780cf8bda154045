// expect: RC008
use pyo3_ffi::*;
use std::os::raw::c_int;

unsafe extern "C" fn exec_module(_module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        let api = PyCapsule_Import(c"numpy.core.multiarray._ARRAY_API".as_ptr(), 0);
        if api.is_null() {
            return -1;
        }
        Py_XDECREF(api as *mut PyObject);
        0
    }
}
