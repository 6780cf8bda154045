// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe fn filled(n: Py_ssize_t) -> *mut PyObject {
    // SAFETY: the caller holds the GIL.
    unsafe {
        let list = PyList_New(n);
        if list.is_null() {
            return ptr::null_mut();
        }
        for i in 0..n {
            let item = PyLong_FromSsize_t(i);
            if item.is_null() {
                Py_DECREF(list);
                return ptr::null_mut();
            }
            if PyList_SetItem(list, i, item) < 0 {
                Py_DECREF(item);
                Py_DECREF(list);
                return ptr::null_mut();
            }
        }
        list
    }
}
