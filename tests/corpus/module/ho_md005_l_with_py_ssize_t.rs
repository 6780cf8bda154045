// expect: MD005
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn take(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state.
    unsafe {
        let mut count: Py_ssize_t = 0;
        if PyArg_ParseTuple(args, c"l".as_ptr(), &mut count) == 0 {
            return ptr::null_mut();
        }
        PyLong_FromSsize_t(count * 2)
    }
}
