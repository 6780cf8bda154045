// expect: MD005
use pyo3_ffi::*;

unsafe extern "C" fn bounds(_module: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    let lo: i64 = -5;
    let hi: i64 = 5;
    let step: i64 = 1;
    // SAFETY: attached.
    unsafe { Py_BuildValue(c"(LL)".as_ptr(), lo, hi, step) }
}
