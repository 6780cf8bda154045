// expect: UW004
// Checking that the interpreter is initialized is not the same as holding a thread state.
use pyo3_ffi::*;

struct Callback {
    func: *mut PyObject,
}

impl Drop for Callback {
    fn drop(&mut self) {
        // SAFETY: `func` is an owned reference, or NULL.
        unsafe {
            if Py_IsInitialized() != 0 && !self.func.is_null() {
                Py_DECREF(self.func);
            }
        }
    }
}
