// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn classify(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let n = PyNumber_Index(obj);
        if n.is_null() {
            return ptr::null_mut();
        }
        let sign = PyObject_RichCompareBool(n, Py_None(), Py_NE);
        let result = match sign {
            -1 => {
                Py_DECREF(n);
                return ptr::null_mut();
            }
            0 => {
                Py_DECREF(n);
                PyUnicode_FromString(c"none".as_ptr())
            }
            _ => {
                let s = PyObject_Repr(n);
                Py_DECREF(n);
                s
            }
        };
        result
    }
}
