// expect: GT004
use pyo3_ffi::*;

pub unsafe fn describe_all(objs: &[*mut PyObject]) -> usize {
    let first = objs[0];
    std::thread::scope(|s| {
        let h = s.spawn(move || {
            // SAFETY: wrong on purpose: this runs on another thread without a thread state.
            unsafe { PyObject_Hash(first) }
        });
        h.join().map(|v| v as usize).unwrap_or(0)
    })
}
