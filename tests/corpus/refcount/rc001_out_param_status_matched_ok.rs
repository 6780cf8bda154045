// expect: clean
// Out-parameter APIs leave `*out` NULL when they fail or find nothing. Here the
// status goes where the checker cannot follow which value it had (a match on
// `PySendResult`'s variants, a helper that turns -1 into `Err` for `?`): on the
// error path there is no reference to release.
use pyo3_ffi as ffi;
use std::ptr;

pub struct PyErr;

fn error_on_minus_one(code: i32) -> Result<i32, PyErr> {
    if code == -1 {
        Err(PyErr)
    } else {
        Ok(code)
    }
}

pub unsafe fn send(gen: *mut ffi::PyObject, value: *mut ffi::PyObject) -> Result<*mut ffi::PyObject, PyErr> {
    let mut result = ptr::null_mut();
    match ffi::PyIter_Send(gen, value, &mut result) {
        ffi::PySendResult::PYGEN_ERROR => Err(PyErr),
        ffi::PySendResult::PYGEN_RETURN => Ok(result),
        ffi::PySendResult::PYGEN_NEXT => Ok(result),
    }
}

pub unsafe fn setdefault(
    dict: *mut ffi::PyObject,
    key: *mut ffi::PyObject,
    default: *mut ffi::PyObject,
) -> Result<*mut ffi::PyObject, PyErr> {
    let mut result = ptr::null_mut();
    error_on_minus_one(ffi::PyDict_SetDefaultRef(dict, key, default, &mut result))?;
    Ok(result)
}
