// expect: SD001
use pyo3_ffi::*;
use std::ptr;

static mut METHODS: [PyMethodDef; 1] = [PyMethodDef::zeroed()];

static mut MODULE: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"_tiny".as_ptr(),
    m_doc: ptr::null(),
    m_size: 0,
    m_methods: unsafe { ptr::addr_of_mut!(METHODS) as *mut PyMethodDef },
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};
