// expect: PF001
use pyo3_ffi::*;
use std::cell::RefCell;

#[repr(C)]
struct Counter {
    ob_base: PyObject,
    hits: RefCell<Vec<u32>>,
}

unsafe extern "C" fn counter_len(slf: *mut PyObject) -> Py_ssize_t {
    // SAFETY: `slf` is a Counter instance.
    let this = unsafe { &*(slf as *const Counter) };
    this.hits.borrow().len() as Py_ssize_t
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_sq_length, pfunc: counter_len as *mut std::ffi::c_void },
    PyType_Slot { slot: 0, pfunc: std::ptr::null_mut() },
];
