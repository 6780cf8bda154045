// expect: clean
use pyo3_ffi::*;
use std::ptr;

use std::ptr::NonNull;

unsafe extern "C" fn count(_m: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    let Some(it) = NonNull::new(PyObject_GetIter(seq)) else {
        return ptr::null_mut();
    };
    let mut n: isize = 0;
    while let Some(item) = NonNull::new(PyIter_Next(it.as_ptr())) {
        n += 1;
        Py_DECREF(item.as_ptr());
    }
    Py_DECREF(it.as_ptr());
    if !PyErr_Occurred().is_null() {
        return ptr::null_mut();
    }
    PyLong_FromSsize_t(n)
}
