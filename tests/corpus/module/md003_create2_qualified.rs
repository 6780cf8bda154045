// expect: MD003
// `PyModule_Create2` with an explicit API version, through a module path.
use pyo3_ffi as ffi;
use std::ptr;

static mut DEF: ffi::PyModuleDef = ffi::PyModuleDef {
    m_base: ffi::PyModuleDef_HEAD_INIT,
    m_name: c"versioned".as_ptr(),
    m_doc: ptr::null(),
    m_size: -1,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub unsafe extern "C" fn PyInit_versioned() -> *mut ffi::PyObject {
    ffi::PyModule_Create2(ptr::addr_of_mut!(DEF), ffi::PYTHON_API_VERSION)
}
