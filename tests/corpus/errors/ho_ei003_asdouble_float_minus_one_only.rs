// expect: EI003
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn sqrt_of(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let x = PyFloat_AsDouble(arg);
        if x == -1.0 {
            return ptr::null_mut();
        }
        PyFloat_FromDouble(x.sqrt())
    }
}
