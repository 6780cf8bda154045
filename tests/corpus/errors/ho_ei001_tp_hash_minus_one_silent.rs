// expect: EI001
use pyo3_ffi::*;
use std::ptr;
#[repr(C)]
struct Key { ob_base: PyObject, inner: *mut PyObject, frozen: bool }
unsafe extern "C" fn key_hash(slf: *mut PyObject) -> Py_hash_t {
    // SAFETY: GIL held.
    unsafe {
        let this = slf as *mut Key;
        if !(*this).frozen {
            return -1;
        }
        PyObject_Hash((*this).inner)
    }
}
static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_hash, pfunc: key_hash as *mut _ },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
