// expect: RC002
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn nonempty_str(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let t = PyObject_IsTrue(PyObject_Str(arg));
        if t < 0 {
            return ptr::null_mut();
        }
        PyBool_FromLong(t as _)
    }
}
