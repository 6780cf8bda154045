// expect: clean
use pyo3_ffi::*;
use std::ptr;

#[repr(C)]
struct Countdown {
    ob_base: PyObject,
    remaining: i64,
}

unsafe extern "C" fn countdown_next(slf: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls tp_iternext with the GIL held on a Countdown instance.
    unsafe {
        let this = slf as *mut Countdown;
        if (*this).remaining <= 0 {
            return ptr::null_mut();
        }
        (*this).remaining -= 1;
        PyLong_FromLongLong((*this).remaining)
    }
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_iternext, pfunc: countdown_next as *mut _ },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
