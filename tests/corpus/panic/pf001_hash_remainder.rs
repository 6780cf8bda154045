// expect: PF001
// tp_hash reduces modulo a field that may be zero.
use std::os::raw::c_void;
use std::ptr;

use pyo3_ffi::*;

#[repr(C)]
struct Bucketed {
    ob_base: PyObject,
    key: u64,
    buckets: u64,
}

unsafe extern "C" fn bucketed_hash(slf: *mut PyObject) -> Py_hash_t {
    let this = slf.cast::<Bucketed>();
    let slot = (*this).key % (*this).buckets;
    slot as Py_hash_t
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_hash, pfunc: bucketed_hash as *mut c_void },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
