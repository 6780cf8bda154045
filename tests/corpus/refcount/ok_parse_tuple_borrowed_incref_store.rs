// expect: clean
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
pub struct Box_ {
    ob_base: PyObject,
    value: *mut PyObject,
}

unsafe extern "C" fn box_set(slf: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let mut value: *mut PyObject = ptr::null_mut();
    if PyArg_ParseTuple(args, c"O:set".as_ptr(), &mut value) == 0 {
        return ptr::null_mut();
    }
    let this = slf as *mut Box_;
    let old = (*this).value;
    Py_INCREF(value);
    (*this).value = value;
    Py_XDECREF(old);
    Py_NewRef(Py_None())
}
