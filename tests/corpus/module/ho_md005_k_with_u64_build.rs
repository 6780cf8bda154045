// expect: MD005
use pyo3_ffi::*;

unsafe fn stat_tuple(size: u64, inode: u64) -> *mut PyObject {
    // SAFETY: the caller holds the GIL.
    unsafe { Py_BuildValue(c"(kk)".as_ptr(), size, inode) }
}
