// expect: MD003
use pyo3_ffi::*;
use std::ptr;

static mut MODULE_DEF: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"legacy".as_ptr(),
    m_doc: ptr::null(),
    m_size: -1,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub unsafe extern "C" fn PyInit_legacy() -> *mut PyObject {
    let module = PyModule_Create(ptr::addr_of_mut!(MODULE_DEF));
    if module.is_null() {
        return ptr::null_mut();
    }
    if PyModule_AddIntConstant(module, c"VERSION".as_ptr(), 1) < 0 {
        Py_DECREF(module);
        return ptr::null_mut();
    }
    module
}
