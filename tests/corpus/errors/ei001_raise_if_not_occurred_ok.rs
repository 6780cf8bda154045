// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn f(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let n = PyObject_Length(o);
    if n < 1 {
        if PyErr_Occurred().is_null() {
            PyErr_SetString(PyExc_ValueError, c"empty".as_ptr());
        }
        return ptr::null_mut();
    }
    PyLong_FromSsize_t(n)
}
