// expect: RC002
use pyo3_ffi::*;
use std::os::raw::c_int;

macro_rules! set_int_attr {
    ($obj:expr, $name:literal, $value:expr) => {
        PyObject_SetAttrString($obj, $name.as_ptr(), PyLong_FromLong($value))
    };
}

unsafe fn configure(obj: *mut PyObject) -> c_int {
    // SAFETY: the caller holds the GIL and passes a live object.
    unsafe {
        if set_int_attr!(obj, c"retries", 3) < 0 {
            return -1;
        }
        if set_int_attr!(obj, c"timeout", 30) < 0 {
            return -1;
        }
        0
    }
}
