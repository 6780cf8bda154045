// expect: UW001
use cpython_sys as ffi;
use std::ffi::c_void;

pub struct Meter;

impl Meter {
    unsafe extern "C-unwind" fn repr(_slf: *mut ffi::PyObject) -> *mut ffi::PyObject {
        // SAFETY: attached.
        unsafe { ffi::PyUnicode_FromString(c"Meter()".as_ptr()) }
    }
}

pub static mut METER_SLOTS: [ffi::PyType_Slot; 2] = [
    ffi::PyType_Slot { slot: ffi::Py_tp_repr, pfunc: Meter::repr as *mut c_void },
    ffi::PyType_Slot { slot: 0, pfunc: std::ptr::null_mut() },
];
