// expect: MD005
use pyo3_ffi::*;
use std::os::raw::c_long;
use std::ptr;

unsafe extern "C" fn resize(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state.
    unsafe {
        let mut size: c_long = 0;
        if PyArg_ParseTuple(args, c"n".as_ptr(), &mut size) == 0 {
            return ptr::null_mut();
        }
        PyLong_FromLong(size)
    }
}
