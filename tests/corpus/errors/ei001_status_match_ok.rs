// expect: clean
use pyo3_ffi::*;
use std::ffi::c_int;

unsafe extern "C" fn contains_all(slf: *mut PyObject, items: *mut PyObject) -> c_int {
    let n = PySequence_Size(items);
    if n < 0 {
        return -1;
    }
    for i in 0..n {
        let item = PySequence_GetItem(items, i);
        if item.is_null() {
            return -1;
        }
        let found = PySequence_Contains(slf, item);
        Py_DECREF(item);
        match found {
            -1 => return -1,
            0 => return 0,
            _ => {}
        }
    }
    1
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_sq_contains, pfunc: contains_all as *mut std::ffi::c_void },
    PyType_Slot { slot: 0, pfunc: std::ptr::null_mut() },
];
