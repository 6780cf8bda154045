// expect: MD003
use pyo3_ffi as ffi;
use std::ptr;

static mut MODULE: ffi::PyModuleDef = ffi::PyModuleDef {
    m_base: ffi::PyModuleDef_HEAD_INIT,
    m_name: c"_old".as_ptr(),
    m_doc: ptr::null(),
    m_size: 0,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub unsafe extern "C" fn PyInit__old() -> *mut ffi::PyObject {
    // SAFETY: MODULE is a static with a stable address.
    unsafe { ffi::PyModule_Create2(ptr::addr_of_mut!(MODULE), ffi::PYTHON_API_VERSION) }
}
