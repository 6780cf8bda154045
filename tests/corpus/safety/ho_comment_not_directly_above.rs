// expect: SD001
use pyo3_ffi::*;

unsafe extern "C" fn double(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: `arg` is a borrowed reference passed by CPython.
    let v = unsafe { PyFloat_AsDouble(arg) };
    if v == -1.0 && unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { PyFloat_FromDouble(v * 2.0) }
}
