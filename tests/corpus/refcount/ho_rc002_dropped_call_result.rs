// expect: RC002
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn flush_stream(_m: *mut PyObject, stream: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let flush = PyObject_GetAttrString(stream, c"flush".as_ptr());
        if flush.is_null() {
            return ptr::null_mut();
        }
        PyObject_CallNoArgs(flush);
        Py_DECREF(flush);
        if !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        Py_NewRef(Py_None())
    }
}
