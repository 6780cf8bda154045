// expect: RC003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn sum2(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    if PyTuple_Size(args) != 2 {
        PyErr_SetString(PyExc_TypeError, c"expected two arguments".as_ptr());
        return ptr::null_mut();
    }
    let a = PyTuple_GET_ITEM(args, 0);
    let b = PyTuple_GET_ITEM(args, 1);
    let r = PyNumber_Add(a, b);
    Py_DECREF(a);
    r
}
