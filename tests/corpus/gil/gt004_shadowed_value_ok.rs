// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn square_async(_m: *mut PyObject, value: *mut PyObject) -> *mut PyObject {
    // The object is shadowed by the number it holds; only the number crosses.
    let value = PyFloat_AsDouble(value);
    if value == -1.0 && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    let handle = std::thread::spawn(move || value * value);
    match handle.join() {
        Ok(v) => PyFloat_FromDouble(v),
        Err(_) => {
            PyErr_SetString(PyExc_RuntimeError, c"worker failed".as_ptr());
            ptr::null_mut()
        }
    }
}
