// expect: clean
// Arrays that are not CPython tables: a keyword list, a byte table, slot ids.
use pyo3_ffi::*;
use std::ffi::{c_char, c_int};
use std::ptr;

const KINDS: [c_int; 2] = [Py_tp_new, Py_tp_dealloc];
const DIGITS: [u8; 3] = [b'0', b'1', b'2'];

pub unsafe extern "C" fn parse(_m: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let mut kwlist: [*mut c_char; 2] = [c"x".as_ptr() as *mut c_char, ptr::null_mut()];
    let mut x: *mut PyObject = ptr::null_mut();
    if PyArg_ParseTupleAndKeywords(args, kwargs, c"O".as_ptr(), kwlist.as_mut_ptr(), &mut x) == 0 {
        return ptr::null_mut();
    }
    let _ = (KINDS, DIGITS);
    Py_NewRef(x)
}
