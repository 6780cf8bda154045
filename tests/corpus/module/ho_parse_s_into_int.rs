// expect: MD005
use pyo3_ffi::*;
use std::ffi::c_int;

unsafe extern "C" fn set_mode(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut mode: c_int = 0;
    // SAFETY: `args` is the argument tuple.
    if unsafe { PyArg_ParseTuple(args, c"s:set_mode".as_ptr(), &mut mode) } == 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { PyLong_FromLong(mode as _) }
}
