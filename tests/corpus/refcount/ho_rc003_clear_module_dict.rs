// expect: RC003
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        let mut dict = PyModule_GetDict(module);
        if dict.is_null() {
            return -1;
        }
        let rc = PyDict_SetItemString(dict, c"ready".as_ptr(), Py_True());
        Py_CLEAR(&mut dict);
        rc
    }
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut _ },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
