// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn scaled(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut obj = ptr::null_mut();
    let mut factor: f64 = 1.0;
    if PyArg_ParseTuple(args, c"Od".as_ptr(), &mut obj, &mut factor) == 0 {
        return ptr::null_mut();
    }
    let value = PyNumber_Float(obj);
    if value.is_null() {
        return ptr::null_mut();
    }
    let x = PyFloat_AsDouble(value);
    Py_DECREF(value);
    if x == -1.0 && !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    PyFloat_FromDouble(x * factor)
}
