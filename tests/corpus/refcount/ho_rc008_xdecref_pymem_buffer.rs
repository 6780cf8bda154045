// expect: RC008
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn scratch(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let n = PyLong_AsSsize_t(arg);
        if n == -1 && !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        let buf = PyMem_Malloc(n as usize) as *mut PyObject;
        if buf.is_null() {
            return PyErr_NoMemory();
        }
        ptr::write_bytes(buf as *mut u8, 0, n as usize);
        let out = PyBytes_FromStringAndSize(buf as *const _, n);
        Py_XDECREF(buf);
        out
    }
}
