// expect: RC006
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn get_default(_m: *mut PyObject, dict: *mut PyObject) -> *mut PyObject {
    let v = PyDict_GetItemString(dict, c"default".as_ptr());
    if v.is_null() {
        return Py_NewRef(Py_None());
    }
    v
}
