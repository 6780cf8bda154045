// expect: EI001
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn pick(_m: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let n = PyTuple_Size(args);
        let idx = if n > 0 { Some(n - 1) } else { None };
        let Some(i) = idx else {
            return ptr::null_mut();
        };
        PySequence_GetItem(args, i)
    }
}
