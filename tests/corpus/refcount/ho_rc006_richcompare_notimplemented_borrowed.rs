// expect: RC006
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;
unsafe extern "C" fn rc(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        if op != Py_EQ {
            return Py_NotImplemented();
        }
        PyBool_FromLong((a == b) as _)
    }
}
static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_richcompare, pfunc: rc as *mut _ },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
