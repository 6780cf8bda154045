// expect: PF001
// `tp_iternext` registered through a PyType_Slot table asserts an invariant.
use std::os::raw::{c_int, c_void};
use std::ptr;

use pyo3_ffi::*;

#[repr(C)]
struct Counter {
    ob_base: PyObject,
    current: Py_ssize_t,
    stop: Py_ssize_t,
}

unsafe extern "C" fn counter_next(slf: *mut PyObject) -> *mut PyObject {
    let this = &mut *(slf as *mut Counter);
    assert!(this.current <= this.stop, "iterator overran its end");
    if this.current == this.stop {
        return ptr::null_mut();
    }
    this.current += 1;
    PyLong_FromSsize_t(this.current)
}

unsafe extern "C" fn counter_iter(slf: *mut PyObject) -> *mut PyObject {
    Py_NewRef(slf)
}

static mut SLOTS: [PyType_Slot; 3] = [
    PyType_Slot { slot: Py_tp_iter, pfunc: counter_iter as *mut c_void },
    PyType_Slot { slot: Py_tp_iternext, pfunc: counter_next as *mut c_void },
    PyType_Slot { slot: 0 as c_int, pfunc: ptr::null_mut() },
];
