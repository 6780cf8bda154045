// expect: clean
use pyo3_ffi::*;

pub fn lengths(objs: &[*mut PyObject]) -> Vec<Py_ssize_t> {
    // SAFETY: callers pass valid objects with an attached thread state.
    let out = objs.iter().map(|&o| unsafe { PyObject_Length(o) }).collect();
    out
}
