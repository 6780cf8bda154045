// expect: GT003
use pyo3_ffi::*;
use std::ptr;

const FREE_THREADED: PyModuleDef_Slot = PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED };

unsafe extern "C" fn last(_module: *mut PyObject, list: *mut PyObject) -> *mut PyObject {
    // SAFETY: `list` is a borrowed list argument.
    let n = unsafe { PyList_Size(list) };
    if n <= 0 {
        // SAFETY: attached.
        return unsafe { Py_NewRef(Py_None()) };
    }
    // SAFETY: attached; index in range.
    let item = unsafe { PyList_GetItem(list, n - 1) };
    if item.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { Py_NewRef(item) }
}

static mut SLOTS: [PyModuleDef_Slot; 2] = [FREE_THREADED, PyModuleDef_Slot { slot: 0, value: ptr::null_mut() }];
