// expect: EI001
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn f(_s: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    match PyObject_IsTrue(o) {
        -1 => ptr::null_mut(),
        0 => ptr::null_mut(),
        _ => Py_NewRef(o),
    }
}
