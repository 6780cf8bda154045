// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn store(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let value = PyLong_FromLong(7);
    if value.is_null() {
        return ptr::null_mut();
    }
    let rc = PyObject_SetAttrString(args, c"value".as_ptr(), value);
    Py_DECREF(value);
    if rc < 0 {
        Py_DECREF(value);
        return ptr::null_mut();
    }
    Py_NewRef(Py_None())
}
