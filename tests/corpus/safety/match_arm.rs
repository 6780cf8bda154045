// expect: clean
use pyo3_ffi::*;

pub fn describe(obj: *mut PyObject, kind: u8) -> isize {
    match kind {
        // SAFETY: kind 0 means `obj` is a live list.
        0 => unsafe { PyList_Size(obj) },
        _ => -1,
    }
}
