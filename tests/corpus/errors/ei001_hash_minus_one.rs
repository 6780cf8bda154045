// expect: EI001
use pyo3_ffi::*;
#[repr(C)]
struct Frozen { ob_base: PyObject, frozen: bool, v: i64 }
unsafe extern "C" fn frozen_hash(slf: *mut PyObject) -> Py_hash_t {
    let this = slf as *mut Frozen;
    if !(*this).frozen {
        return -1;
    }
    (*this).v as Py_hash_t
}
static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_hash, pfunc: frozen_hash as *mut std::ffi::c_void },
    PyType_Slot { slot: 0, pfunc: std::ptr::null_mut() },
];
