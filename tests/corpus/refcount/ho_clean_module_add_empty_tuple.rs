// expect: clean
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        if PyModule_Add(module, c"EMPTY".as_ptr(), PyTuple_New(0)) < 0 {
            return -1;
        }
        if PyModule_Add(module, c"VERSION".as_ptr(), PyUnicode_FromString(c"1.2".as_ptr())) < 0 {
            return -1;
        }
        0
    }
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut _ },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
