// expect: RC005
use pyo3_ffi::*;
use std::os::raw::c_int;

unsafe extern "C" fn exec(module: *mut PyObject) -> c_int {
    // SAFETY: called by CPython during module execution with the GIL held.
    unsafe {
        Py_INCREF(PyExc_ValueError);
        if PyModule_AddObject(module, c"DecodeError".as_ptr(), PyExc_ValueError) < 0 {
            return -1;
        }
        0
    }
}
