// expect: MD005
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn seek(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state.
    unsafe {
        let mut offset: i64 = 0;
        let mut whence: i32 = 0;
        if PyArg_ParseTuple(args, c"li".as_ptr(), &mut offset, &mut whence) == 0 {
            return ptr::null_mut();
        }
        PyLong_FromLongLong(offset + i64::from(whence))
    }
}
