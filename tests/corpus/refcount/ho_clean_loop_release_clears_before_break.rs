// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn first_int(_module: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state and a valid argument.
    unsafe {
        let mut iter = PyObject_GetIter(iterable);
        if iter.is_null() {
            return ptr::null_mut();
        }
        let mut found = ptr::null_mut();
        loop {
            let item = PyIter_Next(iter);
            if item.is_null() {
                break;
            }
            if PyLong_Check(item) != 0 {
                found = item;
                Py_DECREF(iter);
                iter = ptr::null_mut();
                break;
            }
            Py_DECREF(item);
        }
        Py_XDECREF(iter);
        if found.is_null() {
            if !PyErr_Occurred().is_null() {
                return ptr::null_mut();
            }
            return Py_NewRef(Py_None());
        }
        found
    }
}
