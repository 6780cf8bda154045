// expect: MD004
use pyo3_ffi::*;
use std::ptr::NonNull;
use std::sync::Mutex;

struct Registry {
    callbacks: Vec<NonNull<PyObject>>,
}
unsafe impl Send for Registry {}

static REGISTRY: Mutex<Option<Registry>> = Mutex::new(None);

pub unsafe fn register(callback: *mut PyObject) {
    if let Some(cb) = NonNull::new(callback) {
        Py_INCREF(callback);
        let mut guard = REGISTRY.lock().unwrap_or_else(|e| e.into_inner());
        guard.get_or_insert_with(|| Registry { callbacks: Vec::new() }).callbacks.push(cb);
    }
}
