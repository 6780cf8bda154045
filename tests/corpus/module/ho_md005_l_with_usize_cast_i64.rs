// expect: MD005
use pyo3_ffi::*;

unsafe fn offsets(start: usize, end: usize) -> *mut PyObject {
    // SAFETY: the caller holds the GIL.
    unsafe { Py_BuildValue(c"(ll)".as_ptr(), start as i64, end as i64) }
}
