// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn strict_div(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let mut a: f64 = 0.0;
        let mut b: f64 = 0.0;
        if PyArg_ParseTuple(args, c"dd".as_ptr(), &mut a, &mut b) == 0 {
            return ptr::null_mut();
        }
        if b == 0.0 {
            PyErr_SetString(PyExc_ZeroDivisionError, c"b must not be zero".as_ptr());
            return ptr::null_mut();
        }
        if !(a / b).is_finite() {
            PyErr_Format(PyExc_OverflowError, c"%R / %R overflowed".as_ptr(), PyTuple_GetItem(args, 0), PyTuple_GetItem(args, 1));
            return ptr::null_mut();
        }
        PyFloat_FromDouble(a / b)
    }
}
