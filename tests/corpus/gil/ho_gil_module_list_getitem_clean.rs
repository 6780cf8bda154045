// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn first(_module: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    // SAFETY: `list` is a borrowed argument; the module keeps the GIL.
    let item = unsafe { PyList_GetItem(list, 0) };
    if item.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { Py_NewRef(item) }
}

static mut METHODS: [PyMethodDef; 2] = [
    PyMethodDef {
        ml_name: c"first".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: first },
        ml_flags: METH_O,
        ml_doc: ptr::null(),
    },
    PyMethodDef::zeroed(),
];

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_USED },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];

static mut MODULE: PyModuleDef = PyModuleDef {
    m_base: PyModuleDef_HEAD_INIT,
    m_name: c"_first".as_ptr(),
    m_doc: ptr::null(),
    m_size: 0,
    // SAFETY: only the address is taken.
    m_methods: unsafe { ptr::addr_of_mut!(METHODS) as *mut PyMethodDef },
    // SAFETY: only the address is taken.
    m_slots: unsafe { ptr::addr_of_mut!(SLOTS) as *mut PyModuleDef_Slot },
    m_traverse: None,
    m_clear: None,
    m_free: None,
};

#[no_mangle]
pub unsafe extern "C" fn PyInit__first() -> *mut PyObject {
    // SAFETY: MODULE is a static with a stable address.
    unsafe { PyModuleDef_Init(ptr::addr_of_mut!(MODULE)) }
}
