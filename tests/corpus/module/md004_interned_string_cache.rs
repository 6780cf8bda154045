// expect: MD004
// The twin: next to the singletons, the cache keeps a string made at run time
// by the first interpreter that imported the module: process-global state.
use pyo3_ffi::*;
use std::os::raw::c_char;
use std::ptr::null_mut;
use std::sync::Once;

pub static mut NONE: *mut PyObject = null_mut();
pub static mut DST_STR: *mut PyObject = null_mut();

static INIT: Once = Once::new();

pub fn init_typerefs() {
    INIT.call_once(|| unsafe {
        NONE = Py_None();
        DST_STR = PyUnicode_FromStringAndSize("dst".as_ptr() as *const c_char, 3);
    });
}
