// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn classify(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let n = PyNumber_Index(obj);
    if n.is_null() {
        return ptr::null_mut();
    }
    let v = PyLong_AsLong(n);
    let out = match v {
        -1 if !PyErr_Occurred().is_null() => {
            Py_DECREF(n);
            return ptr::null_mut();
        }
        0 => {
            Py_DECREF(n);
            PyUnicode_FromString(c"zero".as_ptr())
        }
        _ => {
            let s = PyObject_Str(n);
            Py_DECREF(n);
            s
        }
    };
    out
}
