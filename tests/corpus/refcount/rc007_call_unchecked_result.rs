// expect: RC007
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn call_method(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let meth = PyObject_GetAttrString(obj, c"run".as_ptr());
    let res = PyObject_CallNoArgs(meth);
    Py_DECREF(meth);
    res
}
