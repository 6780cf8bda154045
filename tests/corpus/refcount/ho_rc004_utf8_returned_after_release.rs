// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn shout(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state and a valid argument.
    unsafe {
        let upper = PyObject_CallMethod(arg, c"upper".as_ptr(), ptr::null());
        if upper.is_null() {
            return ptr::null_mut();
        }
        let utf8 = PyUnicode_AsUTF8(upper);
        if utf8.is_null() {
            Py_DECREF(upper);
            return ptr::null_mut();
        }
        Py_DECREF(upper);
        PyUnicode_FromFormat(c"%s!".as_ptr(), utf8)
    }
}
