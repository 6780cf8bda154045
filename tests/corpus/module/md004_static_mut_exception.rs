// expect: MD004
// The classic C pattern carried over: a module's exception type in a static.
use pyo3_ffi::*;
use std::ffi::c_int;
use std::ptr;

static mut PARSE_ERROR: *mut PyObject = ptr::null_mut();

unsafe extern "C" fn exec_module(module: *mut PyObject) -> c_int {
    PARSE_ERROR = PyErr_NewException(c"parser.ParseError".as_ptr(), PyExc_ValueError, ptr::null_mut());
    if PARSE_ERROR.is_null() {
        return -1;
    }
    PyModule_AddObjectRef(module, c"ParseError".as_ptr(), PARSE_ERROR)
}
