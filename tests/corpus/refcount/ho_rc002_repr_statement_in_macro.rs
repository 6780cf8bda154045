// expect: RC002
use pyo3_ffi::*;
use std::ptr;
macro_rules! ffi {
    ($e:expr) => {
        // SAFETY: GIL held in callbacks.
        unsafe { $e }
    };
}
pub extern "C" fn touch(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    ffi!(PyObject_Repr(obj));
    ffi!(Py_NewRef(Py_None()))
}
