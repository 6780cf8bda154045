// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn or_default(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut value: *mut PyObject = ptr::null_mut();
    let mut default: *mut PyObject = ptr::null_mut();
    if PyArg_UnpackTuple(args, c"or_default".as_ptr(), 2, 2, &mut value, &mut default) == 0 {
        return ptr::null_mut();
    }
    let chosen = if value == Py_None() { default } else { value };
    Py_INCREF(chosen);
    chosen
}
