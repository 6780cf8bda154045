// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn succ(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let v = PyLong_AsLong(arg);
        if !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        PyLong_FromLong(v.wrapping_add(1))
    }
}
