// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe fn collect(seq: *mut PyObject) -> Option<Vec<*mut PyObject>> {
    let n = PySequence_Size(seq);
    if n < 0 {
        return None;
    }
    let mut out = Vec::new();
    for i in 0..n {
        let item = PySequence_GetItem(seq, i);
        if item.is_null() {
            for o in out {
                Py_DECREF(o);
            }
            return None;
        }
        out.push(item);
    }
    Some(out)
}
