// expect: UW001
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};

unsafe extern "C-unwind" fn exec_module(m: *mut PyObject) -> c_int {
    // SAFETY: attached during module execution.
    unsafe { PyModule_AddIntConstant(m, c"ANSWER".as_ptr(), 42) }
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut c_void },
    PyModuleDef_Slot { slot: 0, value: std::ptr::null_mut() },
];
