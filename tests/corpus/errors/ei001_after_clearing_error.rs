// expect: EI001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn optional_attr(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let value = PyObject_GetAttrString(obj, c"__version__".as_ptr());
    if value.is_null() {
        if PyErr_ExceptionMatches(PyExc_AttributeError) != 0 {
            PyErr_Clear();
        }
        return ptr::null_mut();
    }
    value
}
