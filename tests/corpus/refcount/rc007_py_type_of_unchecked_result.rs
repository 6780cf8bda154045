// expect: RC007
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn type_of_attr(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let value = PyObject_GetAttrString(obj, c"value".as_ptr());
    let tp = Py_TYPE(value) as *mut PyObject;
    Py_INCREF(tp);
    Py_XDECREF(value);
    tp
}
