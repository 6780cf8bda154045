// expect: clean
// Drop releases only when this thread holds the GIL, and leaks otherwise.
use pyo3_ffi::*;

pub struct Ref(*mut PyObject);

impl Drop for Ref {
    fn drop(&mut self) {
        // SAFETY: PyGILState_Check says whether this thread has an attached thread state.
        unsafe {
            if PyGILState_Check() == 1 {
                Py_DECREF(self.0);
            }
        }
    }
}
