// expect: UW004
// A pair of owned references released in Drop; the list append happens first.
use pyo3_ffi::*;

struct Pending {
    log: *mut PyObject,
    item: *mut PyObject,
}

impl Drop for Pending {
    fn drop(&mut self) {
        // SAFETY: both pointers are owned references.
        unsafe {
            if PyList_Append(self.log, self.item) < 0 {
                PyErr_Clear();
            }
            Py_DECREF(self.item);
            Py_DECREF(self.log);
        }
    }
}
