// expect: MD005
// `O` stores a `PyObject *`; the target is declared as a C string.
use pyo3_ffi::*;
use std::ffi::c_char;
use std::ptr;

pub unsafe extern "C" fn greet(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut name: *const c_char = ptr::null();
    if PyArg_ParseTuple(args, c"O".as_ptr(), &mut name) == 0 {
        return ptr::null_mut();
    }
    PyUnicode_FromFormat(c"hello %s".as_ptr(), name)
}
