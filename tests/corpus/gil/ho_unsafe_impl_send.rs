// expect: GT004
use pyo3_ffi::*;

pub struct Handler {
    callable: *mut PyObject,
    name: String,
}

// SAFETY: wrong: a Python object pointer is not safe to move between threads.
unsafe impl Send for Handler {}

impl Handler {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn raw(&self) -> *mut PyObject {
        self.callable
    }
}
