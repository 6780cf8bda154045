// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn old_api(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        if PyErr_WarnEx(PyExc_DeprecationWarning, c"old_api is deprecated".as_ptr(), 1) < 0 {
            return ptr::null_mut();
        }
        let r = make_result(arg);
        if r.is_null() {
            return ptr::null_mut();
        }
        r
    }
}
unsafe fn make_result(arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held by caller.
    unsafe { PyObject_Str(arg) }
}
