// expect: GT004
use pyo3_ffi::*;
use std::thread;

unsafe extern "C" fn background_repr(_module: *mut PyObject, obj: *mut PyObject) -> *mut PyObject {
    let task = move || {
        // SAFETY: wrong on purpose: runs on another thread without a thread state.
        let r = unsafe { PyObject_Repr(obj) };
        r.is_null()
    };
    let handle = thread::spawn(task);
    drop(handle);
    // SAFETY: attached.
    unsafe { Py_NewRef(Py_None()) }
}
