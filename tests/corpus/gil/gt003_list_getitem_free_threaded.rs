// expect: GT003
use pyo3_ffi::*;
use std::ffi::c_void;
use std::ptr;

static mut MODULE_SLOTS: [PyModuleDef_Slot; 3] = [
    PyModuleDef_Slot { slot: Py_mod_exec, value: exec_module as *mut c_void },
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];

unsafe extern "C" fn exec_module(_m: *mut PyObject) -> i32 {
    0
}

unsafe extern "C" fn head(_m: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    let item = PyList_GetItem(list, 0);
    if item.is_null() {
        return ptr::null_mut();
    }
    Py_NewRef(item)
}
