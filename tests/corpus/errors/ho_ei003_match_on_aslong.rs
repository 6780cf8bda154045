// expect: EI003
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn parity(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let v = match PyLong_AsLong(arg) {
            -1 => return ptr::null_mut(),
            v => v,
        };
        PyUnicode_FromString(if v % 2 == 0 { c"even".as_ptr() } else { c"odd".as_ptr() })
    }
}
