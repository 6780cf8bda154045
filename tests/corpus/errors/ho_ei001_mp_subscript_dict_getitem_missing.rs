// expect: EI001
use pyo3_ffi::*;
use std::ptr;
#[repr(C)]
struct Table { ob_base: PyObject, data: *mut PyObject }
unsafe extern "C" fn table_getitem(slf: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let v = PyDict_GetItem((*(slf as *mut Table)).data, key);
        if v.is_null() {
            return ptr::null_mut();
        }
        Py_NewRef(v)
    }
}
static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_mp_subscript, pfunc: table_getitem as *mut _ },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
