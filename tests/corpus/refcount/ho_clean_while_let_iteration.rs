// expect: clean
use pyo3_ffi::*;
use std::ptr::{self, NonNull};

unsafe extern "C" fn total_len(_m: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let it = PyObject_GetIter(iterable);
        if it.is_null() {
            return ptr::null_mut();
        }
        let mut total: Py_ssize_t = 0;
        while let Some(item) = NonNull::new(PyIter_Next(it)) {
            let n = PyObject_Length(item.as_ptr());
            Py_DECREF(item.as_ptr());
            if n < 0 {
                Py_DECREF(it);
                return ptr::null_mut();
            }
            total += n;
        }
        Py_DECREF(it);
        if !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        PyLong_FromSsize_t(total)
    }
}
