// expect: clean
use pyo3_ffi::*;

/// Rust-side buffer exported through the buffer protocol; owns no Python objects.
pub struct Exported {
    data: Vec<u8>,
    shape: Vec<Py_ssize_t>,
}

impl Drop for Exported {
    fn drop(&mut self) {
        self.data.clear();
        self.shape.clear();
    }
}
