// expect: GT004
use pyo3_ffi::*;
use std::thread;

unsafe extern "C" fn watch(_module: *mut PyObject, target: *mut PyObject) -> *mut PyObject {
    // SAFETY: attached; the watcher keeps a reference.
    let target = unsafe { Py_NewRef(target) };
    let spawned = thread::Builder::new().name("watcher".into()).spawn(move || {
        // SAFETY: the watcher attaches before touching Python.
        let g = unsafe { PyGILState_Ensure() };
        // SAFETY: attached.
        unsafe { Py_DECREF(target) };
        // SAFETY: pairs with Ensure.
        unsafe { PyGILState_Release(g) };
    });
    if spawned.is_err() {
        // SAFETY: attached.
        unsafe { PyErr_SetString(PyExc_RuntimeError, c"cannot start watcher".as_ptr()) };
        return std::ptr::null_mut();
    }
    // SAFETY: attached.
    unsafe { Py_NewRef(Py_None()) }
}
