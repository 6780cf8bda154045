// expect: clean
// `PyModule_New` in an exec slot builds a submodule of a multi-phase module.
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> c_int {
    let sub = PyModule_New(c"pkg.errors".as_ptr());
    if sub.is_null() {
        return -1;
    }
    let rc = PyModule_AddObjectRef(module, c"errors".as_ptr(), sub);
    Py_DECREF(sub);
    rc
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut c_void },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
