// expect: clean
use pyo3_ffi::*;

/// Holds the GIL for its lifetime.
pub struct GilGuard {
    state: PyGILState_STATE,
}

impl GilGuard {
    pub fn acquire() -> Self {
        GilGuard { state: unsafe { PyGILState_Ensure() } }
    }
}

impl Drop for GilGuard {
    fn drop(&mut self) {
        unsafe { PyGILState_Release(self.state) }
    }
}

pub fn notify(callback: *mut PyObject) -> Result<(), String> {
    let _gil = GilGuard::acquire();
    let r = unsafe { PyObject_CallNoArgs(callback) };
    if r.is_null() {
        unsafe { PyErr_Print() };
        return Err("callback failed".into());
    }
    unsafe { Py_DECREF(r) };
    Ok(())
}
