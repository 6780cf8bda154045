// expect: clean
use pyo3_ffi::*;
use std::ptr;
fn set_error(msg: &std::ffi::CStr) {
    unsafe { PyErr_SetString(PyExc_RuntimeError, msg.as_ptr()) }
}
unsafe extern "C" fn f(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let n = PyObject_Length(o);
    if n > 10 {
        set_error(c"too long");
        return ptr::null_mut();
    }
    if n < 0 {
        return ptr::null_mut();
    }
    PyLong_FromSsize_t(n)
}
