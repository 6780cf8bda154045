// expect: clean
// The recommended shape: the pointers live in module state, reached through
// PyModule_GetState; only the definition is static.
use pyo3_ffi::*;
use std::ffi::c_int;
use std::ptr;

#[repr(C)]
struct State {
    error: *mut PyObject,
    point_type: *mut PyTypeObject,
}

unsafe extern "C" fn exec_module(module: *mut PyObject) -> c_int {
    let state = PyModule_GetState(module) as *mut State;
    if state.is_null() {
        PyErr_SetString(PyExc_SystemError, c"module state is missing".as_ptr());
        return -1;
    }
    let local_cache: *mut PyObject = PyErr_NewException(c"m.Error".as_ptr(), ptr::null_mut(), ptr::null_mut());
    if local_cache.is_null() {
        return -1;
    }
    (*state).error = local_cache;
    (*state).point_type = ptr::null_mut();
    0
}

static mut DEF: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"stateful".as_ptr(),
    m_doc: ptr::null(),
    m_size: std::mem::size_of::<State>() as Py_ssize_t,
    m_methods: ptr::null_mut(),
    m_slots: ptr::null_mut(),
    m_traverse: None,
    m_clear: None,
    m_free: None,
};
