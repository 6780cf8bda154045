// expect: EI001
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let n = PyTuple_Size(args);
    if n < 0 {
        return ptr::null_mut();
    }
    if n > 3 {
        return ptr::null_mut();
    }
    PyLong_FromSsize_t(n)
}
