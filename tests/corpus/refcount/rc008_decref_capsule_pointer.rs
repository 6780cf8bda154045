// expect: RC008
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn release_api(_m: *mut PyObject, capsule: *mut PyObject) -> *mut PyObject {
    let api = PyCapsule_GetPointer(capsule, c"mod._C_API".as_ptr());
    if api.is_null() {
        return ptr::null_mut();
    }
    Py_DECREF(api as *mut PyObject);
    Py_NewRef(Py_None())
}
