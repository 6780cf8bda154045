// expect: GT004
use pyo3_ffi::*;

pub unsafe fn sizes(a: *mut PyObject, b: *mut PyObject) -> (isize, isize) {
    rayon::join(|| PyObject_Length(a), || PyObject_Length(b))
}
