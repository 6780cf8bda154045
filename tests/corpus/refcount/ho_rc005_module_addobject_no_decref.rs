// expect: RC005
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;

unsafe extern "C" fn exec_module(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        let error = PyErr_NewException(c"fastcsv.Error".as_ptr(), PyExc_ValueError, ptr::null_mut());
        if error.is_null() {
            return -1;
        }
        if PyModule_AddObject(module, c"Error".as_ptr(), error) < 0 {
            return -1;
        }
        0
    }
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut _ },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
