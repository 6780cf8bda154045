// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut v: f64 = 0.0;
    if PyArg_ParseTuple(args, c"d".as_ptr(), &mut v) != 0 {
        if v.is_nan() {
            PyErr_SetString(PyExc_ValueError, c"nan".as_ptr());
            return ptr::null_mut();
        }
        PyFloat_FromDouble(v.sqrt())
    } else {
        ptr::null_mut()
    }
}
