// expect: RC003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn show(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut obj: *mut PyObject = ptr::null_mut();
    if PyArg_ParseTuple(args, c"O".as_ptr(), &mut obj) == 0 {
        return ptr::null_mut();
    }
    let text = PyObject_Str(obj);
    Py_DECREF(obj);
    text
}
