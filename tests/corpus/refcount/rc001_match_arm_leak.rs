// expect: RC001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn kind(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let code = PyLong_AsLong(arg);
    let name = PyUnicode_FromString(c"value".as_ptr());
    if name.is_null() {
        return ptr::null_mut();
    }
    match code {
        0 => Py_NewRef(Py_None()),
        1 => name,
        _ => {
            Py_DECREF(name);
            PyErr_SetString(PyExc_ValueError, c"bad code".as_ptr());
            ptr::null_mut()
        }
    }
}
