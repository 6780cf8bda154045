// expect: MD003
// The call hides inside a wrapper macro that logs FFI calls.
use pyo3_ffi::*;
use std::ptr;

macro_rules! ffi {
    ($call:expr) => {{
        let result = $call;
        result
    }};
}

static mut DEF: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"wrapped".as_ptr(),
    m_doc: ptr::null(),
    m_size: -1,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub unsafe extern "C" fn PyInit_wrapped() -> *mut PyObject {
    ffi!(PyModule_Create(ptr::addr_of_mut!(DEF)))
}
