// expect: GT004
use pyo3_ffi::*;
use std::thread;

struct Job {
    target: *mut PyObject,
    repeat: u32,
}

unsafe extern "C" fn schedule(_module: *mut PyObject, target: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached; the job keeps a reference.
    unsafe { Py_INCREF(target) };
    let job = Job { target, repeat: 3 };
    thread::spawn(move || {
        for _ in 0..job.repeat {
            // SAFETY: attach from the worker.
            let g = unsafe { PyGILState_Ensure() };
            // SAFETY: attached.
            let r = unsafe { PyObject_CallNoArgs(job.target) };
            // SAFETY: attached.
            unsafe { Py_XDECREF(r) };
            // SAFETY: pairs with Ensure.
            unsafe { PyGILState_Release(g) };
        }
    });
    // SAFETY: attached.
    unsafe { Py_NewRef(Py_None()) }
}
