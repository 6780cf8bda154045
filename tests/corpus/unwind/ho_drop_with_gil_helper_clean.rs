// expect: clean
use pyo3_ffi::*;

/// Runs `f` with a thread state attached, from any thread.
fn with_gil<R>(f: impl FnOnce() -> R) -> R {
    // SAFETY: PyGILState_Ensure may be called from any thread.
    let g = unsafe { PyGILState_Ensure() };
    let r = f();
    // SAFETY: pairs with the Ensure above.
    unsafe { PyGILState_Release(g) };
    r
}

/// A strong reference that can be dropped anywhere.
pub struct Owned {
    ptr: *mut PyObject,
}

impl Drop for Owned {
    fn drop(&mut self) {
        let ptr = self.ptr;
        with_gil(|| {
            // SAFETY: attached by `with_gil`; this struct owns the reference.
            unsafe { Py_DECREF(ptr) }
        });
    }
}
