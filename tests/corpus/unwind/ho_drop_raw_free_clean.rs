// expect: clean
use pyo3_ffi::*;

/// A scratch buffer from the raw allocator, which needs no thread state.
pub struct Scratch {
    ptr: *mut u8,
    len: usize,
}

impl Scratch {
    pub fn new(len: usize) -> Option<Self> {
        // SAFETY: the raw allocator may be called without an attached thread state.
        let ptr = unsafe { PyMem_RawMalloc(len.max(1)) } as *mut u8;
        (!ptr.is_null()).then_some(Scratch { ptr, len })
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // SAFETY: `ptr` came from PyMem_RawMalloc; the raw allocator needs no thread state.
        unsafe { PyMem_RawFree(self.ptr.cast()) };
    }
}
