// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn first_or_none(_m: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let it = PyObject_GetIter(iterable);
        if it.is_null() {
            return ptr::null_mut();
        }
        let item = PyIter_Next(it);
        Py_DECREF(it);
        if item.is_null() {
            if !PyErr_Occurred().is_null() {
                return ptr::null_mut();
            }
            return Py_NewRef(Py_None());
        }
        item
    }
}
