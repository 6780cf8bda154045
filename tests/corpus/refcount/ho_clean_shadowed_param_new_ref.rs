// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn as_index(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let arg = PyNumber_Index(arg);
        if arg.is_null() {
            return ptr::null_mut();
        }
        if PyObject_RichCompareBool(arg, Py_None(), Py_EQ) < 0 {
            Py_DECREF(arg);
            return ptr::null_mut();
        }
        arg
    }
}
