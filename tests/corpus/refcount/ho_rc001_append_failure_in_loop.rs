// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn squares(_module: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state and a valid `arg`.
    unsafe {
        let n = PyLong_AsSsize_t(arg);
        if n == -1 && !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        let list = PyList_New(0);
        if list.is_null() {
            return ptr::null_mut();
        }
        for i in 0..n {
            let item = PyLong_FromSsize_t(i * i);
            if item.is_null() {
                Py_DECREF(list);
                return ptr::null_mut();
            }
            if PyList_Append(list, item) < 0 {
                Py_DECREF(list);
                return ptr::null_mut();
            }
            Py_DECREF(item);
        }
        list
    }
}
