// expect: RC007
// The twin: nothing set an exception before this `PyErr_GetRaisedException`,
// so it returns NULL when none is pending, and the NULL reaches
// `PyException_SetCause`.
use pyo3_ffi::*;
use std::ptr::null_mut;

pub unsafe fn chain(cause: *mut PyObject) -> *mut PyObject {
    let exc = PyErr_GetRaisedException();
    PyException_SetCause(exc, Py_NewRef(cause));
    PyErr_SetRaisedException(exc);
    null_mut()
}
