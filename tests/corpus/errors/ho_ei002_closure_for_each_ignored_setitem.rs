// expect: EI002
use pyo3_ffi::*;

pub unsafe fn fill(dict: *mut PyObject, pairs: &[(*mut PyObject, *mut PyObject)]) {
    pairs.iter().for_each(|(k, v)| {
        // SAFETY: the caller holds the GIL and passes live objects.
        unsafe {
            PyDict_SetItem(dict, *k, *v);
        }
    });
}
