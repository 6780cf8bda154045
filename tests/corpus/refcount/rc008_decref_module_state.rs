// expect: RC008
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
struct State {
    counter: i64,
}

unsafe extern "C" fn module_free(module: *mut std::ffi::c_void) {
    let state = PyModule_GetState(module as *mut PyObject);
    if !state.is_null() {
        Py_DECREF(state as *mut PyObject);
    }
}

static mut DEF: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"demo".as_ptr(),
    m_doc: ptr::null(),
    m_size: std::mem::size_of::<State>() as Py_ssize_t,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: Some(module_free),
};
