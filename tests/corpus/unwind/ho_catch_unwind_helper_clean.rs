// expect: clean
use std::panic::{catch_unwind, UnwindSafe};

/// Runs a plugin hook, treating a panic as "no value". Not a callback.
pub fn run_hook<F: FnOnce() -> u32 + UnwindSafe>(hook: F) -> u32 {
    catch_unwind(hook).unwrap_or(0)
}

pub fn run_checked<F: FnOnce() -> u32 + UnwindSafe>(hook: F) -> Option<u32> {
    catch_unwind(hook).ok()
}
