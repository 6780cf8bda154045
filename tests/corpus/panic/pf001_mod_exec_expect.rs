// expect: PF001
// A Py_mod_exec slot (returns c_int) with an `.expect` on a constant it builds.
use std::ffi::CString;
use std::os::raw::{c_int, c_void};
use std::ptr;

use pyo3_ffi as ffi;

unsafe extern "C" fn exec_module(module: *mut ffi::PyObject) -> c_int {
    let name = CString::new(format!("build-{}", 7)).expect("no NUL in build name");
    ffi::PyModule_AddStringConstant(module, c"build".as_ptr(), name.as_ptr())
}

static mut SLOTS: [ffi::PyModuleDef_Slot; 2] = [
    ffi::PyModuleDef_Slot { slot: ffi::Py_mod_exec, value: exec_module as *mut c_void },
    ffi::PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
