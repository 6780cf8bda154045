// expect: EI002
use pyo3_ffi::*;
use std::ptr;
// Ownership transferred to a Vec, released later in a drop loop.
unsafe extern "C" fn gather(_m: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let n = PySequence_Size(seq);
        if n < 0 {
            return ptr::null_mut();
        }
        let mut items = Vec::with_capacity(n as usize);
        for i in 0..n {
            let it = PySequence_GetItem(seq, i);
            if it.is_null() {
                for o in items {
                    Py_DECREF(o);
                }
                return ptr::null_mut();
            }
            items.push(it);
        }
        let out = PyList_New(0);
        for o in items {
            if !out.is_null() {
                PyList_Append(out, o);
            }
            Py_DECREF(o);
        }
        out
    }
}
