// expect: clean
// Older versions of this module used PyModule_Create; it now uses a Py_mod_create slot.
use pyo3_ffi::*;
use std::ffi::c_void;
use std::ptr;

unsafe extern "C" fn create_module(spec: *mut PyObject, _def: *mut PyModuleDef) -> *mut PyObject {
    // SAFETY: attached; `spec` is the ModuleSpec.
    let name = unsafe { PyObject_GetAttrString(spec, c"name".as_ptr()) };
    if name.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: attached; `name` is a str.
    let m = unsafe { PyModule_NewObject(name) };
    // SAFETY: attached; we own `name`.
    unsafe { Py_DECREF(name) };
    m
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_create, value: create_module as *mut c_void },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];

static mut MODULE: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"_created".as_ptr(),
    m_doc: c"see PyModule_Create history".as_ptr(),
    m_size: 0,
    m_methods: ptr::null_mut(),
    // SAFETY: only the address is taken.
    m_slots: unsafe { ptr::addr_of_mut!(SLOTS) as *mut PyModuleDef_Slot },
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

/// Module entry point.
///
/// # Safety
/// Called by the import machinery with an attached thread state.
#[no_mangle]
pub unsafe extern "C" fn PyInit__created() -> *mut PyObject {
    // SAFETY: MODULE is a static with a stable address.
    unsafe { PyModuleDef_Init(ptr::addr_of_mut!(MODULE)) }
}
