// expect: clean
use pyo3_ffi::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

unsafe extern "C" fn scale(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let result = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: CPython calls this with an attached thread state.
        unsafe {
            if PyTuple_GET_SIZE(args) != 2 {
                PyErr_SetString(PyExc_TypeError, c"scale() takes 2 arguments".as_ptr());
                return ptr::null_mut();
            }
            PyNumber_Multiply(PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1))
        }
    }));
    match result {
        Ok(obj) => obj,
        Err(_) => {
            // SAFETY: still inside the callback, thread state attached.
            unsafe { PyErr_SetString(PyExc_SystemError, c"panic in scale".as_ptr()) };
            ptr::null_mut()
        }
    }
}
