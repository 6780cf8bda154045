// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn both(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let a = PyObject_GetAttrString(obj, c"a".as_ptr());
    let b = PyObject_GetAttrString(obj, c"b".as_ptr());
    let result = if a.is_null() || b.is_null() { ptr::null_mut() } else { PyTuple_Pack(2, a, b) };
    Py_XDECREF(a);
    Py_XDECREF(b);
    result
}
