// expect: EI002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn words(_m: *mut PyObject, text: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let parts = PyUnicode_Split(text, ptr::null_mut(), -1);
        if parts.is_null() {
            return ptr::null_mut();
        }
        let out = PyList_New(0);
        if out.is_null() {
            Py_DECREF(parts);
            return ptr::null_mut();
        }
        for i in 0..PyList_Size(parts) {
            let word = PyList_GetItem(parts, i);
            if PyUnicode_GetLength(word) > 3 {
                PyList_Append(out, word);
            }
        }
        Py_DECREF(parts);
        out
    }
}
