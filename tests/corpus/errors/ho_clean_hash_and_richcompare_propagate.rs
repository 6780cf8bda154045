// expect: clean
use pyo3_ffi::*;
use std::ptr;
#[repr(C)]
struct Key { ob_base: PyObject, inner: *mut PyObject }
unsafe extern "C" fn key_hash(slf: *mut PyObject) -> Py_hash_t {
    // SAFETY: GIL held.
    unsafe {
        let this = slf as *mut Key;
        let h = PyObject_Hash((*this).inner);
        if h == -1 {
            return -1;
        }
        h ^ 0x5bd1e995
    }
}
unsafe extern "C" fn key_richcompare(a: *mut PyObject, b: *mut PyObject, op: std::os::raw::c_int) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        if op != Py_EQ || Py_TYPE(a) != Py_TYPE(b) {
            return Py_NewRef(Py_NotImplemented());
        }
        PyObject_RichCompare((*(a as *mut Key)).inner, (*(b as *mut Key)).inner, op)
    }
}
static mut SLOTS: [PyType_Slot; 3] = [
    PyType_Slot { slot: Py_tp_hash, pfunc: key_hash as *mut _ },
    PyType_Slot { slot: Py_tp_richcompare, pfunc: key_richcompare as *mut _ },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
