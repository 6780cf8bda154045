// expect: MD002
use pyo3_ffi::*;
use std::ffi::c_void;

unsafe extern "C" fn point_repr(_slf: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached.
    unsafe { PyUnicode_FromString(c"Point()".as_ptr()) }
}

unsafe extern "C" fn point_hash(_slf: *mut PyObject) -> Py_hash_t {
    7
}

static mut POINT_SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_repr, pfunc: point_repr as *mut c_void },
    PyType_Slot { slot: Py_tp_hash, pfunc: point_hash as *mut c_void },
];
