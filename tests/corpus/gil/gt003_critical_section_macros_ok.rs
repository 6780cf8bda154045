// expect: clean
use pyo3_ffi::*;
use std::ptr;
static mut MODULE_SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
unsafe extern "C" fn f(_m: *mut PyObject, d: *mut PyObject) -> *mut PyObject {
    let mut n = 0;
    Py_BEGIN_CRITICAL_SECTION!(d);
    let mut pos = 0;
    let mut k = ptr::null_mut();
    let mut v = ptr::null_mut();
    while PyDict_Next(d, &mut pos, &mut k, &mut v) != 0 { n += 1; }
    Py_END_CRITICAL_SECTION!();
    PyLong_FromLong(n)
}
