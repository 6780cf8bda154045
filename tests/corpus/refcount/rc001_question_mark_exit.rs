// expect: RC001
use pyo3_ffi::*;
use std::ptr;

use std::ptr::NonNull;

struct PyErrSet;

unsafe fn attr(obj: *mut PyObject, name: &std::ffi::CStr) -> Result<NonNull<PyObject>, PyErrSet> {
    NonNull::new(PyObject_GetAttrString(obj, name.as_ptr())).ok_or(PyErrSet)
}

unsafe fn describe(obj: *mut PyObject) -> Result<*mut PyObject, PyErrSet> {
    let repr = PyObject_Repr(obj);
    if repr.is_null() {
        return Err(PyErrSet);
    }
    let name = attr(obj, c"__name__")?;
    let out = PyTuple_Pack(2, repr, name.as_ptr());
    Py_DECREF(repr);
    Py_DECREF(name.as_ptr());
    Ok(out)
}
