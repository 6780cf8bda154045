// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn iter_self(slf: *mut PyObject) -> *mut PyObject {
    Py_INCREF(slf);
    slf
}

unsafe extern "C" fn identity(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    Py_NewRef(arg)
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_iter, pfunc: iter_self as *mut std::ffi::c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
