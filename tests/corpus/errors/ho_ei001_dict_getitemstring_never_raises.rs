// expect: EI001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn get_option(_m: *mut PyObject, options: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        if PyDict_Check(options) == 0 {
            PyErr_SetString(PyExc_TypeError, c"options must be a dict".as_ptr());
            return ptr::null_mut();
        }
        let value = PyDict_GetItemString(options, c"mode".as_ptr());
        if value.is_null() {
            return ptr::null_mut();
        }
        Py_NewRef(value)
    }
}
