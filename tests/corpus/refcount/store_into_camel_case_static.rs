// expect: clean
// A new reference stored into a `static mut` escapes into process-wide state,
// whatever the static's name looks like: nothing leaks here (MD004 is the
// rule about such statics, in another family).
use std::ptr::null_mut;

use pyo3_ffi::*;

#[allow(non_upper_case_globals)]
pub(crate) static mut JsonDecodeError: *mut PyObject = null_mut();

pub(crate) unsafe fn init_exceptions(base: *mut PyObject) {
    // SAFETY: called once from the module's exec slot with an attached thread state.
    unsafe {
        JsonDecodeError = PyErr_NewException(c"orjson.JSONDecodeError".as_ptr(), base, null_mut());
    }
}
