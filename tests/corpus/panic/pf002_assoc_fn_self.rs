// expect: PF002
// Slots written as associated functions; `Self::` reaches a panicking helper.
use std::os::raw::{c_int, c_void};
use std::ptr;

use pyo3_ffi::*;

#[repr(C)]
struct Ring {
    ob_base: PyObject,
    slots: [i64; 4],
    head: usize,
}

impl Ring {
    fn slot_value(&self, offset: usize) -> i64 {
        self.slots[(self.head + offset) % 4]
    }

    fn checked_offset(raw: Py_ssize_t) -> usize {
        usize::try_from(raw).expect("negative offset")
    }

    unsafe extern "C" fn item(slf: *mut PyObject, index: Py_ssize_t) -> *mut PyObject {
        let this = &*(slf as *const Ring);
        PyLong_FromLongLong(this.slot_value(Self::checked_offset(index)))
    }
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_sq_item, pfunc: Ring::item as *mut c_void },
    PyType_Slot { slot: 0 as c_int, pfunc: ptr::null_mut() },
];
