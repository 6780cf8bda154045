// expect: RC006
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn ensure_callable(_m: *mut PyObject, func: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        if PyCallable_Check(func) == 0 {
            PyErr_SetString(PyExc_TypeError, c"expected a callable".as_ptr());
            return ptr::null_mut();
        }
        func
    }
}
