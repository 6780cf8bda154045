// expect: clean
// This module keeps the GIL (no Py_MOD_GIL_NOT_USED), so borrowed lookups are protected.
use pyo3_ffi::*;
use std::ptr;

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_USED },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];

unsafe extern "C" fn second(_m: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    let item = PyList_GetItem(list, 1);
    if item.is_null() {
        return ptr::null_mut();
    }
    Py_NewRef(item)
}
