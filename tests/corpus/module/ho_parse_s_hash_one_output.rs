// expect: MD005
use pyo3_ffi::*;
use std::ffi::c_char;

unsafe extern "C" fn digest(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut data: *const c_char = std::ptr::null();
    // SAFETY: `args` is the argument tuple.
    if unsafe { PyArg_ParseTuple(args, c"s#:digest".as_ptr(), &mut data) } == 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { PyLong_FromLong(0) }
}
