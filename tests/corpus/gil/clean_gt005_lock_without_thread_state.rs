// expect: clean
// A worker that never holds the thread state may block on a std Mutex as it likes.
use std::sync::Mutex;

use pyo3_ffi::*;

pub struct Queue {
    items: Mutex<Vec<u64>>,
}

impl Queue {
    pub fn push(&self, value: u64) {
        let mut items = self.items.lock().unwrap_or_else(|e| e.into_inner());
        items.push(value);
        checksum(&items);
    }
}

fn checksum(items: &[u64]) -> u64 {
    items.iter().fold(0, |a, b| a ^ b)
}

pub fn size_of_object() -> usize {
    std::mem::size_of::<PyObject>()
}
