// expect: GT003
use pyo3_ffi as ffi;
use std::ptr;

unsafe extern "C" fn deref(_module: *mut ffi::PyObject, wr: *mut ffi::PyObject) -> *mut ffi::PyObject {
    // SAFETY: `wr` is a borrowed weakref argument.
    let target = unsafe { ffi::PyWeakref_GetObject(wr) };
    if target.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { ffi::Py_NewRef(target) }
}

static mut SLOTS: [ffi::PyModuleDef_Slot; 3] = [
    ffi::PyModuleDef_Slot { slot: ffi::Py_mod_multiple_interpreters, value: ffi::Py_MOD_PER_INTERPRETER_GIL_SUPPORTED },
    ffi::PyModuleDef_Slot { slot: ffi::Py_mod_gil, value: ffi::Py_MOD_GIL_NOT_USED },
    ffi::PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
