// expect: EI001
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;
static mut READY: bool = false;
unsafe extern "C" fn exec_module(module: *mut PyObject) -> c_int {
    // SAFETY: GIL held.
    unsafe {
        if READY {
            return -1;
        }
        READY = true;
        if PyModule_AddIntConstant(module, c"X".as_ptr(), 1) < 0 {
            return -1;
        }
        0
    }
}
static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut _ },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
