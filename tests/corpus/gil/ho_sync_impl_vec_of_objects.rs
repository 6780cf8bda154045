// expect: GT004
use pyo3_ffi::*;

/// Callbacks registered from Python, fired from the I/O thread.
pub struct Registry {
    handlers: Vec<*mut PyObject>,
    generation: u64,
}

// SAFETY: wrong: the handlers are Python objects and are touched without a thread state.
unsafe impl Sync for Registry {}
// SAFETY: as above.
unsafe impl Send for Registry {}

impl Registry {
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn len(&self) -> usize {
        self.handlers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.handlers.is_empty()
    }
}
