// expect: clean
use pyo3_ffi::*;
use std::ptr;
// clean: PyIter_Next loop, error checked after loop; callback returns list.
unsafe extern "C" fn f(_m: *mut PyObject, it: *mut PyObject) -> *mut PyObject {
    // SAFETY: GIL held.
    unsafe {
        let out = PyList_New(0);
        if out.is_null() {
            return ptr::null_mut();
        }
        loop {
            let item = PyIter_Next(it);
            if item.is_null() {
                break;
            }
            let rc = PyList_Append(out, item);
            Py_DECREF(item);
            if rc < 0 {
                Py_DECREF(out);
                return ptr::null_mut();
            }
        }
        if !PyErr_Occurred().is_null() {
            Py_DECREF(out);
            return ptr::null_mut();
        }
        out
    }
}
