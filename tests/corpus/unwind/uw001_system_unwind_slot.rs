// expect: UW001
// A dealloc slot with the "system-unwind" ABI, registered through PyType_Slot.
use std::os::raw::c_void;
use std::ptr;

use pyo3_ffi::*;

unsafe extern "system-unwind" fn blob_dealloc(slf: *mut PyObject) {
    let tp = Py_TYPE(slf);
    if let Some(free) = (*tp).tp_free {
        free(slf.cast());
    }
    Py_DECREF(tp.cast());
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_dealloc, pfunc: blob_dealloc as *mut c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
