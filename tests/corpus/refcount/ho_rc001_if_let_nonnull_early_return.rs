// expect: RC001
use pyo3_ffi::*;
use std::ptr::{self, NonNull};
unsafe extern "C" fn name_len(_m: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        if let Some(name) = NonNull::new(PyObject_Str(obj)) {
            let n = PyUnicode_GetLength(name.as_ptr());
            if n < 0 {
                return ptr::null_mut();
            }
            Py_DECREF(name.as_ptr());
            return PyLong_FromSsize_t(n);
        }
        ptr::null_mut()
    }
}
