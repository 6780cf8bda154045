// expect: clean
use pyo3_ffi::*;

unsafe fn length_obj(items: &[u8]) -> *mut PyObject {
    // SAFETY: the caller holds the GIL.
    unsafe { Py_BuildValue(c"(nL)".as_ptr(), items.len() as Py_ssize_t, items.len() as i64) }
}
