// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn next_or_raise(_m: *mut PyObject, it: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let item = PyIter_Next(it);
        if item.is_null() {
            if PyErr_Occurred().is_null() {
                PyErr_SetNone(PyExc_StopIteration);
            }
            return ptr::null_mut();
        }
        item
    }
}
