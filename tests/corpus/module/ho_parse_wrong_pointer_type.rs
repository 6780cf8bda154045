// expect: MD005
use pyo3_ffi::*;
use std::ffi::c_int;

unsafe extern "C" fn scale(_module: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut factor: f64 = 1.0;
    let mut times: c_int = 1;
    // SAFETY: `args` is the argument tuple.
    if unsafe { PyArg_ParseTuple(args, c"ii".as_ptr(), &mut factor, &mut times) } == 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { PyFloat_FromDouble(factor * times as f64) }
}
