// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn any_true(_m: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with an attached thread state.
    unsafe {
        let it = PyObject_GetIter(iterable);
        if it.is_null() {
            return ptr::null_mut();
        }
        let mut found = false;
        loop {
            let item = PyIter_Next(it);
            if item.is_null() {
                break;
            }
            if PyObject_IsTrue(item) == 1 {
                found = true;
                break;
            }
            Py_DECREF(item);
        }
        Py_DECREF(it);
        if !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        PyBool_FromLong(found as _)
    }
}
