// expect: GT004
use pyo3_ffi::*;
use std::thread;

pub unsafe fn release_later(obj: *mut PyObject) {
    // Raw pointers are not Send, so the address travels as an integer.
    let addr = obj as usize;
    thread::spawn(move || {
        let gil = PyGILState_Ensure();
        Py_DECREF(addr as *mut PyObject);
        PyGILState_Release(gil);
    });
}
