// expect: EI001
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn checked_sum(_m: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let n = PySequence_Size(seq);
        if n < 0 {
            return ptr::null_mut();
        }
        let mut total: i64 = 0;
        for i in 0..n {
            let item = PySequence_GetItem(seq, i);
            if item.is_null() {
                return ptr::null_mut();
            }
            let v = PyLong_AsLongLong(item);
            Py_DECREF(item);
            if v == -1 && !PyErr_Occurred().is_null() {
                return ptr::null_mut();
            }
            total = match total.checked_add(v) {
                Some(t) => t,
                None => return ptr::null_mut(),
            };
        }
        PyLong_FromLongLong(total)
    }
}
