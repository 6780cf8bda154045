// expect: clean
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;

unsafe extern "C" fn level(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let mut n: c_int = 0;
        if PyArg_ParseTuple(args, c"i".as_ptr(), &mut n) == 0 {
            return ptr::null_mut();
        }
        if !(0..=9).contains(&n) {
            PyErr_Format(PyExc_ValueError, c"level must be 0..9, got %d".as_ptr(), n);
            return ptr::null_mut();
        }
        PyLong_FromLong(n as _)
    }
}
