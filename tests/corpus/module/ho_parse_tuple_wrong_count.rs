// expect: MD005
use pyo3_ffi::*;
use std::os::raw::{c_char, c_int};

unsafe extern "C" fn open_file(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut path: *const c_char = std::ptr::null();
    let mut mode: *const c_char = std::ptr::null();
    let mut buffering: c_int = -1;
    // SAFETY: `args` is the argument tuple.
    if unsafe { PyArg_ParseTuple(args, c"ss|ii:open_file".as_ptr(), &mut path, &mut mode, &mut buffering) } == 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { PyLong_FromLong(buffering as _) }
}
