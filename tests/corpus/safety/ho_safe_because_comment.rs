// expect: SD001
use pyo3_ffi::*;

pub struct Interned(*mut PyObject);

// Safe because interned strings are immortal and never freed.
unsafe impl Sync for Interned {}

impl Interned {
    pub fn as_ptr(&self) -> *mut PyObject {
        self.0
    }
}
