// expect: clean
// Multi-phase initialisation; `PyModule_Create` only appears in a comment
// and in a string.
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};
use std::ptr;

// Not `PyModule_Create(&DEF)`: the module is created by the import system.
unsafe extern "C" fn exec_module(module: *mut PyObject) -> c_int {
    let note = "PyModule_Create is single-phase";
    let _ = note;
    PyModule_AddIntConstant(module, c"ANSWER".as_ptr(), 42)
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut c_void },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];

static mut DEF: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"modern".as_ptr(),
    m_doc: ptr::null(),
    m_size: 0,
    m_methods: ptr::null_mut(),
    m_slots: ptr::addr_of_mut!(SLOTS) as *mut PyModuleDef_Slot,
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub unsafe extern "C" fn PyInit_modern() -> *mut PyObject {
    PyModuleDef_Init(ptr::addr_of_mut!(DEF))
}
