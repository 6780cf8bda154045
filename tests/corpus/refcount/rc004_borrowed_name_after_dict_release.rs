// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn get_name(slf: *mut PyObject, _closure: *mut std::ffi::c_void) -> *mut PyObject {
    let dict = PyObject_GenericGetDict(slf, ptr::null_mut());
    if dict.is_null() {
        return ptr::null_mut();
    }
    let name = PyDict_GetItemString(dict, c"name".as_ptr());
    Py_DECREF(dict);
    if name.is_null() {
        return Py_NewRef(Py_None());
    }
    Py_NewRef(name)
}
