// expect: clean
use std::ptr::NonNull;

pub struct Interned(NonNull<u8>);

// SAFETY: the pointee is immortal and never mutated, so any thread may hold it.
#[allow(dead_code)]
unsafe impl Send for Interned {}
