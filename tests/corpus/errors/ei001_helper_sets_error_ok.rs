// expect: clean
use pyo3_ffi::*;
use std::ffi::CStr;
use std::ptr;

unsafe fn value_error(msg: &CStr) -> *mut PyObject {
    PyErr_SetString(PyExc_ValueError, msg.as_ptr());
    ptr::null_mut()
}

/// Reads a positive size; sets an exception and returns None on failure.
unsafe fn positive(obj: *mut PyObject) -> Option<Py_ssize_t> {
    let n = PyLong_AsSsize_t(obj);
    if n == -1 && !PyErr_Occurred().is_null() {
        return None;
    }
    if n <= 0 {
        PyErr_SetString(PyExc_ValueError, c"size must be positive".as_ptr());
        return None;
    }
    Some(n)
}

unsafe extern "C" fn buffer(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let Some(n) = positive(arg) else {
        return ptr::null_mut();
    };
    if n > 1 << 20 {
        return value_error(c"size too large");
    }
    PyByteArray_FromStringAndSize(ptr::null(), n)
}
