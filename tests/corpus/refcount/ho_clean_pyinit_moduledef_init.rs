// expect: clean
use pyo3_ffi::*;
use std::ptr;

static mut MODULE_DEF: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"_speedups".as_ptr(),
    m_doc: ptr::null(),
    m_size: 0,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub extern "C" fn PyInit__speedups() -> *mut PyObject {
    // SAFETY: CPython calls PyInit_* once with the GIL held; MODULE_DEF lives forever.
    unsafe { PyModuleDef_Init(ptr::addr_of_mut!(MODULE_DEF)) }
}
