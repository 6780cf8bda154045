// expect: PF001
// Module init builds a C string with `CString::new(..).unwrap()`.
use std::ffi::CString;
use std::ptr;

use pyo3_ffi::*;

static mut MODULE: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"tags".as_ptr(),
    m_doc: ptr::null(),
    m_size: 0,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub unsafe extern "C" fn PyInit_tags() -> *mut PyObject {
    let module = PyModule_Create(ptr::addr_of_mut!(MODULE));
    if module.is_null() {
        return ptr::null_mut();
    }
    let version = CString::new(env!("CARGO_PKG_VERSION")).unwrap();
    if PyModule_AddStringConstant(module, c"__version__".as_ptr(), version.as_ptr()) < 0 {
        Py_DECREF(module);
        return ptr::null_mut();
    }
    module
}
