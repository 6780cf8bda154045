// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn build(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let mut key: *mut PyObject = ptr::null_mut();
    let mut value: *mut PyObject = ptr::null_mut();
    let mut result: *mut PyObject = ptr::null_mut();
    'error: {
        key = PyUnicode_FromString(c"k".as_ptr());
        if key.is_null() {
            break 'error;
        }
        value = PyLong_FromLong(1);
        if value.is_null() {
            break 'error;
        }
        let dict = PyDict_New();
        if dict.is_null() {
            break 'error;
        }
        if PyDict_SetItem(dict, key, value) < 0 {
            Py_DECREF(dict);
            break 'error;
        }
        result = dict;
    }
    Py_XDECREF(key);
    Py_XDECREF(value);
    result
}
