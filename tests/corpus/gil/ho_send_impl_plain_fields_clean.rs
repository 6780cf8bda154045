// expect: clean
use pyo3_ffi::*;

/// A snapshot of an object's identity, safe to send: it holds no pointer.
pub struct Snapshot {
    pub id: usize,
    pub refcnt: Py_ssize_t,
    pub buffer: *mut u8,
}

// SAFETY: `buffer` is an owned Rust allocation, not a Python object.
unsafe impl Send for Snapshot {}

pub fn snapshot(obj: *mut PyObject) -> Snapshot {
    // SAFETY: callers pass a valid object with an attached thread state.
    let refcnt = unsafe { Py_REFCNT(obj) };
    Snapshot { id: obj as usize, refcnt, buffer: Box::into_raw(Box::new(0u8)) }
}
