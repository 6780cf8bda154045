// expect: EI002
use std::ptr;

macro_rules! ffi {
    ($fn:ident()) => {
        unsafe { pyo3_ffi::$fn() }
    };
    ($fn:ident($($arg:expr),+ $(,)?)) => {
        unsafe { pyo3_ffi::$fn($($arg),*) }
    };
}

/// Hash every chunk, checking for Ctrl-C between chunks.
pub fn digest_chunks(chunks: &[&[u8]]) -> u64 {
    let mut h = 0xcbf29ce484222325u64;
    for chunk in chunks {
        for b in chunk.iter() {
            h = (h ^ u64::from(*b)).wrapping_mul(0x100000001b3);
        }
        ffi!(PyErr_CheckSignals());
    }
    let _ = ptr::null::<u8>();
    h
}
