// expect: PF001
use pyo3_ffi::*;
use std::ffi::c_void;

unsafe extern "C" fn stream_iternext(_slf: *mut PyObject) -> *mut PyObject {
    unimplemented!("streams are not iterable yet")
}

static mut STREAM_SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_iternext, pfunc: stream_iternext as *mut c_void },
    PyType_Slot { slot: 0, pfunc: std::ptr::null_mut() },
];
