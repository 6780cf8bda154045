// expect: GT001
use pyo3::prelude::*;
use pyo3::ffi;
#[pyfunction]
fn count(py: Python<'_>, obj: Bound<'_, PyAny>) -> isize {
    let raw = obj.as_ptr();
    py.detach(|| unsafe { ffi::PyObject_Length(raw) })
}
