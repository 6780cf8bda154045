// expect: MD005
// `p` writes a C int; a Rust `bool` is one byte.
use pyo3_ffi::*;
use std::ptr;

pub unsafe extern "C" fn configure(_m: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let mut verbose = false;
    let mut kwlist = [c"verbose".as_ptr() as *mut _, ptr::null_mut()];
    if PyArg_ParseTupleAndKeywords(args, kwargs, c"|p".as_ptr(), kwlist.as_mut_ptr(), &mut verbose) == 0 {
        return ptr::null_mut();
    }
    PyBool_FromLong(verbose as _)
}
