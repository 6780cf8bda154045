// expect: EI002
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn tags(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let set = PySet_New(ptr::null_mut());
        if set.is_null() {
            return ptr::null_mut();
        }
        PySet_Add(set, arg);
        set
    }
}
