// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn any_true(_module: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state and a valid argument.
    unsafe {
        let iter = PyObject_GetIter(iterable);
        if iter.is_null() {
            return ptr::null_mut();
        }
        loop {
            let item = PyIter_Next(iter);
            if item.is_null() {
                break;
            }
            let truth = PyObject_IsTrue(item);
            Py_DECREF(item);
            if truth < 0 {
                Py_DECREF(iter);
                return ptr::null_mut();
            }
            if truth == 1 {
                Py_DECREF(iter);
                return Py_NewRef(Py_True());
            }
        }
        Py_DECREF(iter);
        if !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        Py_NewRef(Py_False())
    }
}
