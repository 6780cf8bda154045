// expect: RC001
use pyo3_ffi::*;
use std::ptr;

pub struct Counter {
    count: i64,
}

impl Counter {
    /// # Safety
    /// The GIL must be held.
    pub unsafe fn snapshot(&self) -> *mut PyObject {
        let value = PyLong_FromLongLong(self.count);
        if value.is_null() {
            return ptr::null_mut();
        }
        let dict = PyDict_New();
        if dict.is_null() {
            return ptr::null_mut();
        }
        if PyDict_SetItemString(dict, c"count".as_ptr(), value) < 0 {
            Py_DECREF(value);
            Py_DECREF(dict);
            return ptr::null_mut();
        }
        Py_DECREF(value);
        dict
    }
}
