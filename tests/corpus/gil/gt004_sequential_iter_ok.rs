// expect: clean
use pyo3_ffi::*;

/// Releases every object of a batch (sequentially, on the calling thread).
pub unsafe fn release_all(batch: Vec<*mut PyObject>, owner: *mut PyObject) {
    batch.iter().for_each(|&o| Py_DECREF(o));
    std::mem::drop(Box::new(|| Py_DECREF(owner)));
}
