// expect: EI001
use pyo3_ffi::*;
use std::ffi::c_int;

#[repr(C)]
pub struct Counter {
    ob_base: PyObject,
    start: i64,
}

unsafe extern "C" fn counter_init(slf: *mut PyObject, args: *mut PyObject, _kwds: *mut PyObject) -> c_int {
    let mut start: i64 = 0;
    if PyArg_ParseTuple(args, c"|L".as_ptr(), &mut start) == 0 {
        return -1;
    }
    if start < 0 {
        // Forgot to raise ValueError.
        return -1;
    }
    (*(slf as *mut Counter)).start = start;
    0
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_init, pfunc: counter_init as *mut std::ffi::c_void },
    PyType_Slot { slot: 0, pfunc: std::ptr::null_mut() },
];
