// expect: clean
use pyo3_ffi::*;
use std::ptr;

use std::ptr::NonNull;

struct Raised;

unsafe fn check(p: *mut PyObject) -> Result<NonNull<PyObject>, Raised> {
    NonNull::new(p).ok_or(Raised)
}

unsafe fn pair(obj: *mut PyObject) -> Result<*mut PyObject, Raised> {
    let a = check(PyObject_Repr(obj))?;
    let b = match check(PyObject_Str(obj)) {
        Ok(b) => b,
        Err(e) => {
            Py_DECREF(a.as_ptr());
            return Err(e);
        }
    };
    let out = PyTuple_Pack(2, a.as_ptr(), b.as_ptr());
    Py_DECREF(a.as_ptr());
    Py_DECREF(b.as_ptr());
    check(out).map(NonNull::as_ptr)
}
