// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn total(_m: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    let n = PyList_Size(list);
    if n < 0 {
        return ptr::null_mut();
    }
    let mut sum = 0.0;
    for i in 0..n {
        let item = PyList_GET_ITEM(list, i);
        let v = PyFloat_AsDouble(item);
        if v == -1.0 && !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        sum += v;
    }
    PyFloat_FromDouble(sum)
}
