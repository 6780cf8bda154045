// expect: MD003
use pyo3_ffi::*;
use std::ptr;

static mut MODULE: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"_helper".as_ptr(),
    m_doc: ptr::null(),
    m_size: -1,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

unsafe fn build_module() -> *mut PyObject {
    // SAFETY: MODULE is a static with a stable address; attached.
    let m = unsafe { PyModule_Create(ptr::addr_of_mut!(MODULE)) };
    if m.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: `m` is a new module.
    if unsafe { PyModule_AddStringConstant(m, c"__version__".as_ptr(), c"1.0".as_ptr()) } < 0 {
        // SAFETY: we own `m`.
        unsafe { Py_DECREF(m) };
        return ptr::null_mut();
    }
    m
}

#[no_mangle]
pub unsafe extern "C" fn PyInit__helper() -> *mut PyObject {
    // SAFETY: called by the import machinery with an attached thread state.
    unsafe { build_module() }
}
