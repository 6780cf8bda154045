// expect: clean
use pyo3_ffi::*;
use std::ffi::c_void;
use std::ptr;

#[repr(C)]
struct State {
    error: *mut PyObject,
}

unsafe extern "C" fn exec_module(m: *mut PyObject) -> i32 {
    // SAFETY: `m` is the module being executed; its state has m_size bytes.
    let state = unsafe { PyModule_GetState(m) } as *mut State;
    if state.is_null() {
        return -1;
    }
    // SAFETY: attached.
    let err = unsafe { PyErr_NewException(c"_modern.Error".as_ptr(), ptr::null_mut(), ptr::null_mut()) };
    if err.is_null() {
        return -1;
    }
    // SAFETY: `state` points at this module's State.
    unsafe { (*state).error = err };
    // SAFETY: attached; AddObjectRef does not steal.
    unsafe { PyModule_AddObjectRef(m, c"Error".as_ptr(), err) }
}

static mut SLOTS: [PyModuleDef_Slot; 3] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut c_void },
    PyModuleDef_Slot { slot: Py_mod_multiple_interpreters, value: Py_MOD_PER_INTERPRETER_GIL_SUPPORTED },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];

static mut MODULE: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"_modern".as_ptr(),
    m_doc: ptr::null(),
    m_size: std::mem::size_of::<State>() as Py_ssize_t,
    m_methods: ptr::null_mut(),
    // SAFETY: only the address is taken.
    m_slots: unsafe { ptr::addr_of_mut!(SLOTS) as *mut PyModuleDef_Slot },
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub unsafe extern "C" fn PyInit__modern() -> *mut PyObject {
    // SAFETY: MODULE is a static with a stable address.
    unsafe { PyModuleDef_Init(ptr::addr_of_mut!(MODULE)) }
}
