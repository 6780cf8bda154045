// expect: clean
use pyo3_ffi::*;
unsafe extern "C" fn f(_s: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let v = PyFloat_AsDouble(o);
    if v == -1.0 && PyErr_Occurred() != std::ptr::null_mut() { return std::ptr::null_mut(); }
    PyFloat_FromDouble(v.sqrt())
}
