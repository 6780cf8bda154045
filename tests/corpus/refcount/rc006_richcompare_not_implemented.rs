// expect: RC006
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn point_richcompare(slf: *mut PyObject, other: *mut PyObject, op: std::os::raw::c_int) -> *mut PyObject {
    if op != Py_EQ || PyObject_TypeCheck(other, Py_TYPE(slf)) == 0 {
        return Py_NotImplemented();
    }
    let same = slf == other;
    Py_NewRef(if same { Py_True() } else { Py_False() })
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_richcompare, pfunc: point_richcompare as *mut std::ffi::c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
