// expect: MD005
// `l` writes a C long (8 bytes on LP64) into a 4-byte `c_int`.
use pyo3_ffi::*;
use std::ffi::c_int;
use std::ptr;

pub unsafe extern "C" fn repeat(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut text: *mut PyObject = ptr::null_mut();
    let mut count: c_int = 1;
    if PyArg_ParseTuple(args, c"U|l:repeat".as_ptr(), &mut text, &mut count) == 0 {
        return ptr::null_mut();
    }
    PySequence_Repeat(text, count as Py_ssize_t)
}
