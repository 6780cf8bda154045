// expect: PF001
use pyo3_ffi::*;
use std::ffi::{c_int, c_void, CString};
use std::ptr;

unsafe extern "C" fn exec_module(m: *mut PyObject) -> c_int {
    let version = CString::new(env!("CARGO_PKG_VERSION")).expect("version has no NUL");
    // SAFETY: attached during module execution.
    unsafe { PyModule_AddStringConstant(m, c"__version__".as_ptr(), version.as_ptr()) }
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut c_void },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
