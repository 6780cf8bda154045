// expect: EI001
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
        Err(_) => ptr::null_mut(),
    }
}
