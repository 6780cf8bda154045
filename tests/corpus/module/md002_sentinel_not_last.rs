// expect: MD002
// The sentinel is there, but first: CPython sees an empty slot list and the
// exec slot after it never runs.
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> c_int {
    PyModule_AddIntConstant(module, c"ANSWER".as_ptr(), 42)
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut c_void },
];
