// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn describe(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let name = PyObject_GetAttrString(obj, c"__name__".as_ptr());
    if name.is_null() {
        return ptr::null_mut();
    }
    let text = PyObject_Str(name);
    Py_DECREF(name);
    // Checked once more further down, in the same way.
    if text.is_null() {
        return ptr::null_mut();
    }
    let upper = PyObject_CallMethod(text, c"upper".as_ptr(), ptr::null());
    Py_DECREF(text);
    upper
}
