// expect: RC006
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn first(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let r = PyTuple_GetItem(args, 0);
        if r.is_null() {
            return ptr::null_mut();
        }
        r
    }
}
