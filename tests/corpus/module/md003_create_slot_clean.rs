// expect: clean
// A `Py_mod_create` slot building the module from the spec is multi-phase.
use pyo3_ffi::*;
use std::ffi::c_void;
use std::ptr;

unsafe extern "C" fn create(spec: *mut PyObject, def: *mut PyModuleDef) -> *mut PyObject {
    PyModule_FromDefAndSpec(def, spec)
}

fn module_create_count() -> usize {
    0
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_create, value: create as *mut c_void },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];

#[allow(dead_code)]
fn count() -> usize {
    module_create_count()
}
