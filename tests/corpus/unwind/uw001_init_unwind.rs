// expect: UW001
// The module's init export itself allows unwinding.
use std::ptr;

use pyo3_ffi::*;

static mut MODULE: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"fastmath".as_ptr(),
    m_doc: ptr::null(),
    m_size: 0,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub unsafe extern "C-unwind" fn PyInit_fastmath() -> *mut PyObject {
    PyModuleDef_Init(ptr::addr_of_mut!(MODULE))
}
