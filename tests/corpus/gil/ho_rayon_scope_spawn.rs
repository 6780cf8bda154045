// expect: GT004
use pyo3_ffi::*;

pub fn notify_all(listeners: &[*mut PyObject], event: *mut PyObject) {
    rayon::scope(|s| {
        for _ in listeners {
            s.spawn(move |_| {
                // SAFETY: wrong on purpose: rayon workers have no thread state.
                unsafe { Py_INCREF(event) };
            });
        }
    });
}
