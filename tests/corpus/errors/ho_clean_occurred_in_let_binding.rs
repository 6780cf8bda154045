// expect: clean
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn inc(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let v = PyLong_AsLongLong(arg);
        let failed = v == -1 && !PyErr_Occurred().is_null();
        if failed {
            return ptr::null_mut();
        }
        PyLong_FromLongLong(v.wrapping_add(1))
    }
}
