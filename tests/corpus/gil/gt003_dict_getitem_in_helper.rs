// expect: GT003
use pyo3_ffi as ffi;
use std::ptr;

pub static mut SLOTS: [ffi::PyModuleDef_Slot; 2] = [
    ffi::PyModuleDef_Slot { slot: ffi::Py_mod_gil, value: ffi::Py_MOD_GIL_NOT_USED },
    ffi::PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];

/// Looks an option up in the settings dict, falling back to `default`.
unsafe fn option(settings: *mut ffi::PyObject, key: &std::ffi::CStr, default: i64) -> i64 {
    let value = ffi::PyDict_GetItemString(settings, key.as_ptr());
    if value.is_null() {
        return default;
    }
    let v = ffi::PyLong_AsLongLong(value);
    if v == -1 && !ffi::PyErr_Occurred().is_null() {
        ffi::PyErr_Clear();
        return default;
    }
    v
}

unsafe extern "C" fn configure(_m: *mut ffi::PyObject, settings: *mut ffi::PyObject) -> *mut ffi::PyObject {
    let level = option(settings, c"level", 3);
    ffi::PyLong_FromLongLong(level)
}
