// expect: RC007
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn attr_type(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let attr = PyObject_GetAttrString(obj, c"value".as_ptr());
    let ty = (*attr).ob_type as *mut PyObject;
    Py_INCREF(ty);
    Py_DECREF(attr);
    ty
}
