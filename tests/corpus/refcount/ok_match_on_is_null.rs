// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn keys(_m: *mut PyObject, dict: *mut PyObject) -> *mut PyObject {
    let keys = PyDict_Keys(dict);
    match keys.is_null() {
        true => ptr::null_mut(),
        false => {
            let n = PyList_Size(keys);
            Py_DECREF(keys);
            PyLong_FromSsize_t(n)
        }
    }
}
