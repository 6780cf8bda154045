// expect: clean
use pyo3_ffi::*;
use std::ptr;

unsafe extern "C" fn zeros(_m: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // SAFETY: called by CPython with the GIL held.
    unsafe {
        let n = PyLong_AsSsize_t(arg);
        if n == -1 && !PyErr_Occurred().is_null() {
            return ptr::null_mut();
        }
        if n < 0 {
            PyErr_SetString(PyExc_ValueError, c"negative size".as_ptr());
            return ptr::null_mut();
        }
        let buf = PyMem_Calloc(n as usize, 1);
        if buf.is_null() {
            return PyErr_NoMemory();
        }
        let out = PyBytes_FromStringAndSize(buf as *const _, n);
        PyMem_Free(buf);
        out
    }
}
