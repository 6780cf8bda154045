// expect: clean
use pyo3_ffi::*;
use std::os::raw::c_int;
use std::ptr;
unsafe extern "C" fn clamp(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let mut overflow: c_int = 0;
        let v = PyLong_AsLongAndOverflow(arg, &mut overflow);
        if v == -1 && !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        let v = match overflow {
            1 => i64::MAX as _,
            -1 => i64::MIN as _,
            _ => v,
        };
        PyLong_FromLong(v)
    }
}
