// expect: RC002
use pyo3_ffi::*;
use std::ptr;

macro_rules! ffi {
    ($e:expr) => {
        // SAFETY: only used inside callbacks, where the GIL is held.
        unsafe { $e }
    };
}

pub extern "C" fn seeded(_m: *mut PyObject, _unused: *mut PyObject) -> *mut PyObject {
    let list = ffi!(PyList_New(0));
    if list.is_null() {
        return ptr::null_mut();
    }
    if ffi!(PyList_Append(list, PyLong_FromLong(42))) < 0 {
        ffi!(Py_DECREF(list));
        return ptr::null_mut();
    }
    list
}
