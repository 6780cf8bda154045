// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn last(_m: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject {
    let it = PyObject_GetIter(iterable);
    if it.is_null() {
        return ptr::null_mut();
    }
    let mut last: *mut PyObject = ptr::null_mut();
    loop {
        let item = PyIter_Next(it);
        if item.is_null() {
            break;
        }
        Py_XDECREF(last);
        last = item;
    }
    Py_DECREF(it);
    if !PyErr_Occurred().is_null() {
        Py_XDECREF(last);
        return ptr::null_mut();
    }
    if last.is_null() {
        PyErr_SetString(PyExc_ValueError, c"empty iterable".as_ptr());
    }
    last
}
