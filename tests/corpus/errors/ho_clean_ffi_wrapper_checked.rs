// expect: clean
macro_rules! ffi {
    ($fn:ident()) => {
        unsafe { pyo3_ffi::$fn() }
    };
}

/// Returns false when a signal handler raised.
pub fn interrupted_check(chunks: usize) -> bool {
    for _ in 0..chunks {
        if ffi!(PyErr_CheckSignals()) < 0 {
            return false;
        }
    }
    true
}
