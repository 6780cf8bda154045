// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn combine(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let mut left: *mut PyObject = ptr::null_mut();
    let mut right: *mut PyObject = ptr::null_mut();
    let result = 'done: {
        left = PyObject_GetAttrString(obj, c"left".as_ptr());
        if left.is_null() {
            break 'done ptr::null_mut();
        }
        right = PyObject_GetAttrString(obj, c"right".as_ptr());
        if right.is_null() {
            break 'done ptr::null_mut();
        }
        PyNumber_Add(left, right)
    };
    Py_XDECREF(left);
    Py_XDECREF(right);
    result
}
