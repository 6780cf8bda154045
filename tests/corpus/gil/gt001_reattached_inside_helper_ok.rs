// expect: clean
use pyo3_ffi::*;

pub struct Python<'py>(std::marker::PhantomData<&'py ()>);

impl Python<'_> {
    pub fn allow_threads<T, F: FnOnce() -> T>(&self, f: F) -> T {
        f()
    }
}

/// Reports progress to a Python callback from inside a long detached computation.
pub fn crunch(py: Python<'_>, progress: *mut PyObject) -> u64 {
    py.allow_threads(|| {
        let mut acc = 0u64;
        for i in 0..1_000u64 {
            acc = acc.wrapping_mul(31).wrapping_add(i);
            if i % 100 == 0 {
                let gil = unsafe { PyGILState_Ensure() };
                let r = unsafe { PyObject_CallNoArgs(progress) };
                if !r.is_null() {
                    unsafe { Py_DECREF(r) };
                } else {
                    unsafe { PyErr_Clear() };
                }
                unsafe { PyGILState_Release(gil) };
            }
        }
        acc
    })
}
