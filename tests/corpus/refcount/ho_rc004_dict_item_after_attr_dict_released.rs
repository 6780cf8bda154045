// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe fn option_from(obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller holds the GIL and passes a live object.
    unsafe {
        let options = PyObject_GetAttrString(obj, c"options".as_ptr());
        if options.is_null() {
            return ptr::null_mut();
        }
        let value = PyDict_GetItemString(options, c"indent".as_ptr());
        Py_DECREF(options);
        if value.is_null() {
            return Py_NewRef(Py_None());
        }
        Py_NewRef(value)
    }
}
