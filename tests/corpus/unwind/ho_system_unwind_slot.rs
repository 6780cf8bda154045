// expect: UW001
use pyo3_ffi::*;
use std::ffi::c_void;

unsafe extern "system-unwind" fn handle_hash(_slf: *mut PyObject) -> Py_hash_t {
    42
}

static mut HANDLE_SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_hash, pfunc: handle_hash as *mut c_void },
    PyType_Slot { slot: 0, pfunc: std::ptr::null_mut() },
];
