// expect: clean
// The crate's own guard helper attaches the thread state before the decref.
use pyo3_ffi::*;

struct GilGuard(PyGILState_STATE);

impl GilGuard {
    fn acquire() -> Self {
        // SAFETY: PyGILState_Ensure may be called from any thread once Python is initialized.
        GilGuard(unsafe { PyGILState_Ensure() })
    }
}

impl Drop for GilGuard {
    fn drop(&mut self) {
        // SAFETY: releases the state acquired in `acquire`.
        unsafe { PyGILState_Release(self.0) }
    }
}

struct Handle {
    obj: *mut PyObject,
}

impl Drop for Handle {
    fn drop(&mut self) {
        let _gil = GilGuard::acquire();
        // SAFETY: the handle owns one reference and a thread state is attached.
        unsafe { Py_DECREF(self.obj) }
    }
}
