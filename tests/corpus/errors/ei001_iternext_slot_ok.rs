// expect: clean
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
pub struct Countdown {
    ob_base: PyObject,
    left: i64,
}

/// Returning NULL without an exception is how tp_iternext says "exhausted".
unsafe extern "C" fn countdown_next(slf: *mut PyObject) -> *mut PyObject {
    let this = slf as *mut Countdown;
    if (*this).left <= 0 {
        return ptr::null_mut();
    }
    (*this).left -= 1;
    PyLong_FromLongLong((*this).left)
}

static mut SLOTS: [PyType_Slot; 3] = [
    PyType_Slot { slot: Py_tp_iter, pfunc: PyObject_SelfIter as *mut std::ffi::c_void },
    PyType_Slot { slot: Py_tp_iternext, pfunc: countdown_next as *mut std::ffi::c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
