// expect: clean
use pyo3_ffi::*;
use std::ptr;
// Conditional ownership tracked by a flag.
unsafe extern "C" fn maybe_str(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let owned = PyUnicode_Check(obj) == 0;
        let s = if owned { PyObject_Str(obj) } else { obj };
        if s.is_null() {
            return ptr::null_mut();
        }
        let n = PyUnicode_GetLength(s);
        if owned {
            Py_DECREF(s);
        }
        if n < 0 {
            return ptr::null_mut();
        }
        PyLong_FromSsize_t(n)
    }
}
