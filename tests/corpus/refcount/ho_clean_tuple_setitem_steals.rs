// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn bounds(_m: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let n = PySequence_Size(seq);
        if n < 0 {
            return ptr::null_mut();
        }
        let result = PyTuple_New(2);
        if result.is_null() {
            return ptr::null_mut();
        }
        for (slot, value) in [0, n].into_iter().enumerate() {
            let item = PyLong_FromSsize_t(value);
            if item.is_null() {
                Py_DECREF(result);
                return ptr::null_mut();
            }
            if PyTuple_SetItem(result, slot as Py_ssize_t, item) < 0 {
                Py_DECREF(result);
                return ptr::null_mut();
            }
        }
        result
    }
}
