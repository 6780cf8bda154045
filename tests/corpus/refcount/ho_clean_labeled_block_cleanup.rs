// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn key_value(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let mut key: *mut PyObject = ptr::null_mut();
        let mut value: *mut PyObject = ptr::null_mut();
        let mut result: *mut PyObject = ptr::null_mut();
        'fail: {
            key = PySequence_GetItem(args, 0);
            if key.is_null() {
                break 'fail;
            }
            value = PyObject_Str(key);
            if value.is_null() {
                break 'fail;
            }
            result = PyTuple_Pack(2, key, value);
        }
        Py_XDECREF(key);
        Py_XDECREF(value);
        result
    }
}
