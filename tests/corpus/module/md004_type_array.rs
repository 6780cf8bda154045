// expect: MD004
// Heap types created at exec time stored process-wide.
use pyo3_ffi::*;
use std::ptr;

static mut TYPES: [*mut PyTypeObject; 2] = [ptr::null_mut(); 2];

pub unsafe fn store(index: usize, tp: *mut PyTypeObject) {
    if let Some(slot) = (*ptr::addr_of_mut!(TYPES)).get_mut(index) {
        *slot = tp;
    }
}
