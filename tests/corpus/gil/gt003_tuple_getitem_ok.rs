// expect: clean
// Tuples are immutable: PyTuple_GetItem has no strong-reference replacement to suggest.
use pyo3_ffi::*;
use std::ptr;

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];

unsafe extern "C" fn first_arg(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    let first = PyTuple_GetItem(args, 0);
    if first.is_null() {
        return ptr::null_mut();
    }
    Py_NewRef(first)
}
