// expect: RC002
use pyo3_ffi::*;
use std::ptr;

/// Collect the truthy items of `seq` into a new list.
unsafe extern "C" fn truthy(_module: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    // SAFETY: CPython calls this with an attached thread state and a valid argument.
    unsafe {
        let out = PyList_New(0);
        if out.is_null() {
            return ptr::null_mut();
        }
        let n = PyList_Size(seq);
        for i in 0..n {
            let item = PyList_GET_ITEM(seq, i);
            if PyObject_IsTrue(item) == 1 && PyList_Append(out, Py_NewRef(item)) < 0 {
                Py_DECREF(out);
                return ptr::null_mut();
            }
        }
        out
    }
}
