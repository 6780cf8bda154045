// expect: RC003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn first_repr(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held; `args` is a tuple.
    unsafe {
        let first = PyTuple_GetItem(args, 0);
        if first.is_null() {
            return ptr::null_mut();
        }
        let r = PyObject_Repr(first);
        Py_DECREF(first);
        r
    }
}
