// expect: clean
use pyo3_ffi::*;
use std::ptr;

use std::ptr::NonNull;

unsafe extern "C" fn name_of(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    match NonNull::new(PyObject_GetAttrString(obj, c"__name__".as_ptr())) {
        Some(name) => {
            let s = PyObject_Str(name.as_ptr());
            Py_DECREF(name.as_ptr());
            s
        }
        None => ptr::null_mut(),
    }
}
