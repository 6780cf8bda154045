// expect: clean
use pyo3_ffi::*;
use std::ptr;
// Tuple built with PyTuple_Pack then items released; dict iteration with PyDict_Next (borrowed).
unsafe extern "C" fn items(_m: *mut PyObject, d: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let out = PyList_New(0);
        if out.is_null() {
            return ptr::null_mut();
        }
        let mut pos: Py_ssize_t = 0;
        let mut k: *mut PyObject = ptr::null_mut();
        let mut v: *mut PyObject = ptr::null_mut();
        while PyDict_Next(d, &mut pos, &mut k, &mut v) != 0 {
            let pair = PyTuple_Pack(2, k, v);
            if pair.is_null() {
                Py_DECREF(out);
                return ptr::null_mut();
            }
            let rc = PyList_Append(out, pair);
            Py_DECREF(pair);
            if rc < 0 {
                Py_DECREF(out);
                return ptr::null_mut();
            }
        }
        out
    }
}
