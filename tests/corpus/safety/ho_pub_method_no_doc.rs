// expect: SD002
use pyo3_ffi::*;

pub struct Borrowed {
    ptr: *mut PyObject,
}

impl Borrowed {
    pub unsafe fn from_ptr(ptr: *mut PyObject) -> Self {
        Borrowed { ptr }
    }

    pub fn as_ptr(&self) -> *mut PyObject {
        self.ptr
    }
}
