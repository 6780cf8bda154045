// expect: RC006
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;

unsafe extern "C" fn option_value(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let mut which: c_int = 0;
        if PyArg_ParseTuple(args, c"i".as_ptr(), &mut which) == 0 {
            return ptr::null_mut();
        }
        match which {
            0 => PyLong_FromLong(0),
            1 => PyUnicode_FromString(c"one".as_ptr()),
            _ => Py_None(),
        }
    }
}
