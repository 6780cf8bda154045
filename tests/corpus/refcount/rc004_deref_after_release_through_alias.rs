// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn type_name(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let copy = PyObject_Str(arg);
    if copy.is_null() {
        return ptr::null_mut();
    }
    let alias = copy as *mut PyObject;
    Py_DECREF(copy);
    let ty = (*alias).ob_type;
    PyType_GetName(ty)
}
