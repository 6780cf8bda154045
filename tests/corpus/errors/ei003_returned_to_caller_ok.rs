// expect: clean
use pyo3_ffi::*;

/// Reads an index; -1 with an exception set on failure, as `PyLong_AsSsize_t`.
pub unsafe fn index_of(obj: *mut PyObject) -> Py_ssize_t {
    let index = PyLong_AsSsize_t(obj);
    index
}

pub unsafe fn width_of(obj: *mut PyObject) -> f64 {
    PyFloat_AsDouble(obj)
}
