// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn cmp(slf: *mut PyObject, other: *mut PyObject, op: std::os::raw::c_int) -> *mut PyObject {
    if op != Py_EQ {
        let r = Py_NotImplemented();
        Py_INCREF(r);
        return r;
    }
    Py_NewRef(if slf == other { Py_True() } else { Py_False() })
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_richcompare, pfunc: cmp as *mut std::ffi::c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
