// expect: clean
// orjson's exception chaining: the exception taken right after
// `PyErr_SetObject` is the one just set, so `PyErr_GetRaisedException`
// cannot return NULL there.
use pyo3_ffi::*;
use std::ptr::null_mut;

pub unsafe fn raise_with_cause(exc_type: *mut PyObject, msg: *mut PyObject) -> *mut PyObject {
    let cause = PyErr_GetRaisedException();
    PyErr_SetObject(exc_type, msg);
    if !cause.is_null() {
        let exc = PyErr_GetRaisedException();
        PyException_SetCause(exc, cause);
        PyErr_SetRaisedException(exc);
    }
    null_mut()
}
