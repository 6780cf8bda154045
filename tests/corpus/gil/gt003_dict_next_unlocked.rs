// expect: GT003
use pyo3_ffi::*;
use std::ptr;

static mut SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];

unsafe extern "C" fn count_strings(_m: *mut PyObject, dict: *mut PyObject) -> *mut PyObject {
    let mut pos: Py_ssize_t = 0;
    let mut key: *mut PyObject = ptr::null_mut();
    let mut value: *mut PyObject = ptr::null_mut();
    let mut n = 0;
    while PyDict_Next(dict, &mut pos, &mut key, &mut value) != 0 {
        if PyUnicode_Check(value) != 0 {
            n += 1;
        }
    }
    PyLong_FromSsize_t(n)
}
