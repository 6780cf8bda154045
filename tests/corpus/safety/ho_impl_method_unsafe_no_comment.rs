// expect: SD001
use pyo3_ffi::*;

pub struct Ref(*mut PyObject);

impl Clone for Ref {
    fn clone(&self) -> Self {
        unsafe { Py_INCREF(self.0) };
        Ref(self.0)
    }
}
