// expect: EI003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn repeat(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut text = ptr::null_mut();
    let mut count = ptr::null_mut();
    if PyArg_ParseTuple(args, c"UO".as_ptr(), &mut text, &mut count) == 0 {
        return ptr::null_mut();
    }
    let result = PyList_New(0);
    if result.is_null() {
        return ptr::null_mut();
    }
    for _ in 0..PyLong_AsLongLong(count) {
        if PyList_Append(result, text) < 0 {
            Py_DECREF(result);
            return ptr::null_mut();
        }
    }
    result
}
