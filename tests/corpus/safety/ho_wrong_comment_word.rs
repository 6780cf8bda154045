// expect: SD001
use pyo3_ffi::*;

unsafe extern "C" fn kind(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // This is fine because CPython passes a valid object.
    let ty = unsafe { Py_TYPE(arg) };
    // SAFETY: `ty` is a valid type object.
    unsafe { Py_NewRef(ty as *mut PyObject) }
}
