// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn to_index(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let v = PyLong_AsSsize_t(arg);
        if v == -1 {
            if !PyErr_Occurred().is_null() {
                return ptr::null_mut();
            }
        }
        PyLong_FromSsize_t(v + 1)
    }
}
