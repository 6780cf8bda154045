// expect: clean
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
pub struct Widget {
    ob_base: PyObject,
    payload: *mut PyObject,
}

unsafe extern "C" fn widget_dealloc(slf: *mut PyObject) {
    let tp = Py_TYPE(slf);
    let this = slf as *mut Widget;
    Py_XDECREF((*this).payload);
    let free = (*tp).tp_free.expect("heap types have tp_free");
    free(slf as *mut std::ffi::c_void);
    Py_DECREF(tp as *mut PyObject);
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_dealloc, pfunc: widget_dealloc as *mut std::ffi::c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
