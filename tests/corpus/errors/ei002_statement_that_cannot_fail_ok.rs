// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn reset(_m: *mut PyObject, _arg: *mut PyObject) -> *mut PyObject {
    PyErr_Clear();
    PyErr_SetString(PyExc_RuntimeError, c"reset failed".as_ptr());
    ptr::null_mut()
}

unsafe extern "C" fn collect(_m: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    let ok = PyList_Sort(list) == 0 && PyList_Reverse(list) == 0;
    if !ok {
        return ptr::null_mut();
    }
    Py_NewRef(list)
}
