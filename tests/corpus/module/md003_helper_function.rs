// expect: MD003
// The entry point delegates to a helper that creates the module.
use pyo3_ffi::*;
use std::ptr;

static mut DEF: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"helper".as_ptr(),
    m_doc: ptr::null(),
    m_size: -1,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

unsafe fn build() -> Option<*mut PyObject> {
    let m = PyModule_Create(&raw mut DEF);
    (!m.is_null()).then_some(m)
}

#[no_mangle]
pub unsafe extern "C" fn PyInit_helper() -> *mut PyObject {
    build().unwrap_or(ptr::null_mut())
}
