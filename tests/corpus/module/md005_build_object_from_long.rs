// expect: MD005
// `O` reads a `PyObject *`; the count is a C long. (`l` was meant.)
use pyo3_ffi::*;
use std::ffi::c_long;

pub unsafe fn summary(name: *mut PyObject, count: c_long) -> *mut PyObject {
    Py_BuildValue(c"(OO)".as_ptr(), name, count)
}
