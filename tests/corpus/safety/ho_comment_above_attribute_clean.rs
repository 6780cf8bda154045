// expect: clean
use pyo3_ffi::*;

pub fn refcount_of(obj: *mut PyObject) -> Py_ssize_t {
    // SAFETY: callers pass a valid object with an attached thread state.
    #[allow(clippy::let_and_return)]
    let n = unsafe { Py_REFCNT(obj) };
    n
}
