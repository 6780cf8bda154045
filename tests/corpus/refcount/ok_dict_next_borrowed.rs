// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn count_true(_m: *mut PyObject, dict: *mut PyObject) -> *mut PyObject {
    let mut pos: Py_ssize_t = 0;
    let mut key: *mut PyObject = ptr::null_mut();
    let mut value: *mut PyObject = ptr::null_mut();
    let mut n = 0;
    while PyDict_Next(dict, &mut pos, &mut key, &mut value) != 0 {
        let t = PyObject_IsTrue(value);
        if t < 0 {
            return ptr::null_mut();
        }
        n += t as i64;
    }
    PyLong_FromLongLong(n)
}
