// expect: EI003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn double_it(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let v = PyLong_AsLong(arg);
        if v == -1 {
            return ptr::null_mut();
        }
        PyLong_FromLong(v * 2)
    }
}
