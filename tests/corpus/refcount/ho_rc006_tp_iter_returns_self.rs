// expect: RC006
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn iter_self(slf: *mut PyObject) -> *mut PyObject {
    slf
}
static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_iter, pfunc: iter_self as *mut _ },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
