// expect: GT004
use pyo3_ffi::*;
use std::ptr::NonNull;

pub struct Shared {
    obj: NonNull<PyObject>,
}

unsafe impl Sync for Shared {}

pub fn visit_in_parallel(shared: &Shared, parts: usize) {
    std::thread::scope(|s| {
        for _ in 0..parts {
            s.spawn(|| shared.obj.as_ptr() as usize);
        }
    });
}
