// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn describe(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let repr = PyObject_Repr(arg);
    if repr.is_null() {
        return ptr::null_mut();
    }
    Py_BuildValue(c"(ON)".as_ptr(), arg, repr)
}
