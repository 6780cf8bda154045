// expect: EI002
use pyo3_ffi::*;
use std::ptr;
// EI002 inside a match arm
unsafe extern "C" fn f(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let d = PyDict_New();
        if d.is_null() {
            return ptr::null_mut();
        }
        match PyTuple_Size(args) {
            0 => {}
            _ => {
                PyDict_SetItemString(d, c"args".as_ptr(), args);
            }
        }
        d
    }
}
