// expect: clean
// Byte-string and `cstr!` spellings of the format, with matching arguments.
use pyo3_ffi::*;
use std::ffi::{c_char, c_int};
use std::ptr;

macro_rules! cstr {
    ($s:literal) => {
        concat!($s, "\0").as_ptr().cast::<c_char>()
    };
}

pub unsafe extern "C" fn split(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut text: *const c_char = ptr::null();
    let mut sep: c_int = 0;
    if PyArg_ParseTuple(args, b"s|C:split\0".as_ptr() as *const c_char, &mut text, &mut sep) == 0 {
        return ptr::null_mut();
    }
    let mut limit: Py_ssize_t = -1;
    if PyArg_ParseTuple(args, cstr!("s|Cn"), &mut text, &mut sep, &mut limit) == 0 {
        return ptr::null_mut();
    }
    Py_BuildValue("(si)\0".as_ptr().cast(), text, sep)
}
