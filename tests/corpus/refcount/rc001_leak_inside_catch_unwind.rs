// expect: RC001
use pyo3_ffi::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

unsafe extern "C" fn scaled(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let result = catch_unwind(AssertUnwindSafe(|| {
        let factor = PyLong_FromLong(10);
        if factor.is_null() {
            return ptr::null_mut();
        }
        let product = PyNumber_Multiply(arg, factor);
        if product.is_null() {
            return ptr::null_mut();
        }
        Py_DECREF(factor);
        product
    }));
    match result {
        Ok(obj) => obj,
        Err(_) => {
            PyErr_SetString(PyExc_RuntimeError, c"panic in scaled".as_ptr());
            ptr::null_mut()
        }
    }
}
