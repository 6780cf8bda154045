// expect: clean
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;

#[repr(C)]
struct Cache {
    ob_base: PyObject,
    entries: *mut PyObject,
}

unsafe extern "C" fn cache_init(slf: *mut PyObject, _args: *mut PyObject, _kw: *mut PyObject) -> c_int {
    // SAFETY: CPython calls tp_init with the GIL held on an instance of this type.
    unsafe {
        let this = slf as *mut Cache;
        let entries = PyDict_New();
        if entries.is_null() {
            return -1;
        }
        let old = (*this).entries;
        (*this).entries = entries;
        Py_XDECREF(old);
        0
    }
}

static mut SLOTS: [PyType_Slot; 2] = [
    PyType_Slot { slot: Py_tp_init, pfunc: cache_init as *mut _ },
    PyType_Slot { slot: 0, pfunc: ptr::null_mut() },
];
