// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn count_strings(_m: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let it = PyObject_GetIter(iterable);
        if it.is_null() {
            return ptr::null_mut();
        }
        let mut count: Py_ssize_t = 0;
        loop {
            let item = PyIter_Next(it);
            if item.is_null() {
                break;
            }
            if PyUnicode_Check(item) == 0 {
                continue;
            }
            count += 1;
            Py_DECREF(item);
        }
        Py_DECREF(it);
        if !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        PyLong_FromSsize_t(count)
    }
}
