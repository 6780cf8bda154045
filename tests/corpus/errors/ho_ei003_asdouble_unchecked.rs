// expect: EI003
use pyo3_ffi::*;

unsafe extern "C" fn half(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let x = PyFloat_AsDouble(arg);
        PyFloat_FromDouble(x / 2.0)
    }
}
