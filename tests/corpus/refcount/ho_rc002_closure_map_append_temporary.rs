// expect: RC002
use pyo3_ffi::*;
use std::os::raw::c_int;

unsafe fn extend_with(list: *mut PyObject, values: &[i64]) -> c_int {
    // SAFETY: the caller holds the GIL and passes a live list.
    unsafe {
        let failed = values.iter().map(|v| PyList_Append(list, PyLong_FromLongLong(*v))).any(|rc| rc < 0);
        if failed { -1 } else { 0 }
    }
}
