// expect: clean
use pyo3_ffi::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;
unsafe extern "C" fn parse(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let result = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: GIL held for the whole call.
        unsafe { PyObject_Str(arg) }
    }));
    match result {
        Ok(obj) => obj,
        Err(_) => {
            // SAFETY: GIL held.
            unsafe { PyErr_SetString(PyExc_SystemError, c"panic in parse".as_ptr()) };
            ptr::null_mut()
        }
    }
}
