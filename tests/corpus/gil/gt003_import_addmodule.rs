// expect: GT003
use pyo3_ffi::*;
use std::ptr;
static mut MODULE_SLOTS: [PyModuleDef_Slot; 2] = [
    PyModuleDef_Slot { slot: Py_mod_gil, value: Py_MOD_GIL_NOT_USED },
    PyModuleDef_Slot { slot: 0, value: ptr::null_mut() },
];
unsafe extern "C" fn f(_m: *mut PyObject, o: *mut PyObject) -> *mut PyObject {
    let m = PyImport_AddModule(c"__main__".as_ptr());
    if m.is_null() { return ptr::null_mut(); }
    let _ = o;
    Py_NewRef(m)
}
