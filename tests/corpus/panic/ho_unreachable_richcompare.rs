// expect: PF001
use pyo3_ffi::*;
use std::ffi::{c_int, c_void};

unsafe extern "C" fn version_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    // SAFETY: both are version objects; attached.
    let (x, y) = unsafe { (PyLong_AsLong(a), PyLong_AsLong(b)) };
    // SAFETY: attached.
    if unsafe { !PyErr_Occurred().is_null() } {
        return std::ptr::null_mut();
    }
    let result = match op {
        Py_LT => x < y,
        Py_LE => x <= y,
        Py_EQ => x == y,
        Py_NE => x != y,
        Py_GT => x > y,
        Py_GE => x >= y,
        _ => unreachable!("invalid comparison op"),
    };
    // SAFETY: attached.
    unsafe { PyBool_FromLong(result as _) }
}

static mut VERSION_SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_richcompare, pfunc: version_richcompare as *mut c_void },
    PyType_Slot { slot: 0, pfunc: std::ptr::null_mut() },
];
