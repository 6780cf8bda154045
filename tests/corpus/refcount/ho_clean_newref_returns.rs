// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn coalesce(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let mut a: *mut PyObject = ptr::null_mut();
        let mut b: *mut PyObject = ptr::null_mut();
        if PyArg_ParseTuple(args, c"OO".as_ptr(), &mut a, &mut b) == 0 {
            return ptr::null_mut();
        }
        if a != Py_None() {
            return Py_NewRef(a);
        }
        if b == Py_None() {
            return Py_NewRef(Py_None());
        }
        Py_INCREF(b);
        b
    }
}
