// expect: PF001
use pyo3_ffi::*;
use std::ptr;

static mut MODULE: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"_assertive".as_ptr(),
    m_doc: ptr::null(),
    m_size: 0,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub unsafe extern "C" fn PyInit__assertive() -> *mut PyObject {
    assert_eq!(std::mem::size_of::<usize>(), 8, "64-bit only");
    // SAFETY: MODULE is a static with a stable address.
    unsafe { PyModuleDef_Init(ptr::addr_of_mut!(MODULE)) }
}
