// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn f(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let mut result = ptr::null_mut();
    let list = PyList_New(0);
    if !list.is_null() {
        if PyList_Append(list, o) == 0 {
            result = PyList_AsTuple(list);
        }
        Py_DECREF(list);
    }
    result
}
