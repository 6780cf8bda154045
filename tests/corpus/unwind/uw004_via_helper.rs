// expect: UW004
// The C-API call is one helper away from `drop`.
use pyo3_ffi::*;

struct Cache {
    entries: Vec<*mut PyObject>,
}

impl Cache {
    fn clear(&mut self) {
        for obj in self.entries.drain(..) {
            // SAFETY: the cache owns one reference to each entry.
            unsafe { Py_DECREF(obj) };
        }
    }
}

impl Drop for Cache {
    fn drop(&mut self) {
        self.clear();
    }
}
