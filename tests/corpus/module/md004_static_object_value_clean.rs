// expect: clean
// A statically allocated object and a plain counter struct: values defined by
// the binary, like a static type, not pointers to objects made at run time.
use pyo3_ffi::*;
use std::sync::Mutex;

#[repr(C)]
pub struct Sentinel {
    ob_base: PyObject,
}

struct Stats {
    calls: u64,
    errors: u64,
}

static mut MISSING: Sentinel = Sentinel { ob_base: PyObject_HEAD_INIT };
static STATS: Mutex<Stats> = Mutex::new(Stats { calls: 0, errors: 0 });

pub fn record(failed: bool) {
    if let Ok(mut stats) = STATS.lock() {
        stats.calls += 1;
        if failed {
            stats.errors += 1;
        }
    }
}
