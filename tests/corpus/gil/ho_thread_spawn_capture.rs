// expect: GT004
use pyo3_ffi::*;
use std::thread;

unsafe extern "C" fn start_worker(_module: *mut PyObject, callback: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached; keep the callback alive for the worker.
    unsafe { Py_INCREF(callback) };
    thread::spawn(move || {
        // SAFETY: the worker attaches before touching Python.
        let g = unsafe { PyGILState_Ensure() };
        // SAFETY: attached.
        let r = unsafe { PyObject_CallNoArgs(callback) };
        if !r.is_null() {
            // SAFETY: attached.
            unsafe { Py_DECREF(r) };
        }
        // SAFETY: attached.
        unsafe { Py_DECREF(callback) };
        // SAFETY: pairs with Ensure.
        unsafe { PyGILState_Release(g) };
    });
    // SAFETY: attached.
    unsafe { Py_NewRef(Py_None()) }
}
