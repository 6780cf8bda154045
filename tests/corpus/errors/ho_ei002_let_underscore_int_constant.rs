// expect: EI002
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        let _ = PyModule_AddIntConstant(module, c"MAX_DEPTH".as_ptr(), 64);
        if PyModule_AddStringConstant(module, c"__version__".as_ptr(), c"0.3".as_ptr()) < 0 {
            return -1;
        }
        0
    }
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut _ },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
