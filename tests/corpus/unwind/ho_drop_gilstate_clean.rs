// expect: clean
use pyo3_ffi::*;

/// Owns a strong reference to a Python callable; may be dropped on any thread.
pub struct Callback {
    func: *mut PyObject,
}

impl Drop for Callback {
    fn drop(&mut self) {
        // SAFETY: PyGILState_Ensure may be called from any thread.
        let gstate = unsafe { PyGILState_Ensure() };
        // SAFETY: attached; `func` is owned by this struct.
        unsafe { Py_DECREF(self.func) };
        // SAFETY: pairs with the Ensure above.
        unsafe { PyGILState_Release(gstate) };
    }
}
