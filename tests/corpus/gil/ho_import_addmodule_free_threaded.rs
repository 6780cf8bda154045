// expect: GT003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn exec_module(m: *mut PyObject) -> i32 {
    // SAFETY: attached during module execution.
    let main = unsafe { PyImport_AddModule(c"__main__".as_ptr()) };
    if main.is_null() {
        return -1;
    }
    // SAFETY: attached; AddObjectRef does not steal.
    unsafe { PyModule_AddObjectRef(m, c"main".as_ptr(), main) }
}

static mut SLOTS: [PyModuleDef_Slot; 3] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut std::ffi::c_void },
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
