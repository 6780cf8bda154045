// expect: RC004
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn normalized(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let lower = PyObject_CallMethod(obj, c"lower".as_ptr(), ptr::null());
    if lower.is_null() {
        return ptr::null_mut();
    }
    let ok = PyUnicode_Check(lower);
    Py_DECREF(lower);
    if ok == 0 {
        PyErr_SetString(PyExc_TypeError, c"lower() did not return str".as_ptr());
        return ptr::null_mut();
    }
    lower
}
