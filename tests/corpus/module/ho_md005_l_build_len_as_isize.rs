// expect: MD005
use pyo3_ffi::*;

unsafe fn length_obj(items: &[u8]) -> *mut PyObject {
    // SAFETY: the caller holds the GIL.
    unsafe { Py_BuildValue(c"l".as_ptr(), items.len() as isize) }
}
