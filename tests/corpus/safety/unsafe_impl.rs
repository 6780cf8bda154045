// expect: SD001
use std::ptr::NonNull;

pub struct Interned(NonNull<u8>);

unsafe impl Send for Interned {}
