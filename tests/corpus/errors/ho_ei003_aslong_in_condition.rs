// expect: EI003
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn check(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        if PyLong_AsLong(arg) == -1 {
            return ptr::null_mut();
        }
        Py_NewRef(Py_True())
    }
}
