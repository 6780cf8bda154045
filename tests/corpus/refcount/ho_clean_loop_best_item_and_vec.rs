// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn split_items(_m: *mut PyObject, seq: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let n = PySequence_Size(seq);
        if n < 0 {
            return ptr::null_mut();
        }
        let mut keep: Vec<*mut PyObject> = Vec::new();
        let mut last_odd: *mut PyObject = ptr::null_mut();
        let out = PyList_New(0);
        if out.is_null() {
            return ptr::null_mut();
        }
        for i in 0..n {
            let item = PySequence_GetItem(seq, i);
            if item.is_null() {
                Py_DECREF(out);
                Py_XDECREF(last_odd);
                return ptr::null_mut();
            }
            if i % 3 == 0 {
                keep.push(item);
                continue;
            }
            if i % 3 == 1 {
                Py_XDECREF(last_odd);
                last_odd = item;
                continue;
            }
            let s = PyObject_Str(item);
            Py_DECREF(item);
            if s.is_null() {
                Py_DECREF(out);
                Py_XDECREF(last_odd);
                return ptr::null_mut();
            }
            let rc = PyList_Append(out, s);
            Py_DECREF(s);
            if rc < 0 {
                Py_DECREF(out);
                Py_XDECREF(last_odd);
                return ptr::null_mut();
            }
        }
        for k in keep {
            Py_DECREF(k);
        }
        Py_XDECREF(last_odd);
        out
    }
}
