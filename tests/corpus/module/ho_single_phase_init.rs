// expect: MD003
use pyo3_ffi::*;
use std::ptr;

static mut MODULE: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"_legacy".as_ptr(),
    m_doc: ptr::null(),
    m_size: -1,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub unsafe extern "C" fn PyInit__legacy() -> *mut PyObject {
    // SAFETY: MODULE is a static with a stable address.
    let m = unsafe { PyModule_Create(ptr::addr_of_mut!(MODULE)) };
    if m.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: `m` is a new module object.
    if unsafe { PyModule_AddIntConstant(m, c"VERSION".as_ptr(), 1) } < 0 {
        // SAFETY: we own `m`.
        unsafe { Py_DECREF(m) };
        return ptr::null_mut();
    }
    m
}
