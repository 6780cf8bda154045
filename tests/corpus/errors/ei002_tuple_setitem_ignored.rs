// expect: EI002
use pyo3_ffi::*;
pub unsafe fn fill(t: *mut PyObject, a: *mut PyObject, b: *mut PyObject) {
    PyTuple_SetItem(t, 0, a);
    PyTuple_SetItem(t, 1, b);
}
