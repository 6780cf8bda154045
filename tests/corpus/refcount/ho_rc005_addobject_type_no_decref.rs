// expect: RC005
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;
static mut SPEC: *mut PyType_Spec = ptr::null_mut();
unsafe extern "C" fn exec_module(module: *mut PyObject) -> c_int {
    // SAFETY: GIL held.
    unsafe {
        let tp = PyType_FromModuleAndSpec(module, SPEC, ptr::null_mut());
        if tp.is_null() {
            return -1;
        }
        if PyModule_AddObject(module, c"Point".as_ptr(), tp) != 0 {
            return -1;
        }
        0
    }
}
static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut _ },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
