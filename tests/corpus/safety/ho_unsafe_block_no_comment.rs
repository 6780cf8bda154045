// expect: SD001
use pyo3_ffi::*;

unsafe extern "C" fn size(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let n = unsafe { PyObject_Length(arg) };
    if n < 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { PyLong_FromSsize_t(n) }
}
