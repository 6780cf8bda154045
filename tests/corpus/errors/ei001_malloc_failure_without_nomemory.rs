// expect: EI001
use pyo3_ffi::*;
use std::ptr;
unsafe extern "C" fn f(_s: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    let buf = PyMem_Malloc(64) as *mut u8;
    if buf.is_null() {
        return ptr::null_mut();
    }
    PyMem_Free(buf as *mut _);
    let _ = arg;
    Py_NewRef(Py_None())
}
