//! Where `check`'s time goes: per phase and per rule family, summed over the
//! worker threads (so the figures add up to the work done, not to the wall
//! clock). Always on: a clock read per phase per crate costs nothing next to
//! parsing it. The benchmark prints it; `reset` and `snapshot` bracket a run.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The phases, in pipeline order.
pub const PHASES: &[&str] = &[
    "read",
    "lex + mod scan",
    "cache key + lookup",
    "parse",
    "index",
    "refcount",
    "errors",
    "gil",
    "panic",
    "unwind",
    "safety",
    "module",
    "suppress + select",
    "cache store",
    "project rules",
    "sort",
];

static NANOS: [AtomicU64; PHASES.len()] = [const { AtomicU64::new(0) }; PHASES.len()];

/// The index of a phase by name; a name not in [`PHASES`] is a bug.
fn index_of(phase: &str) -> usize {
    PHASES.iter().position(|p| *p == phase).unwrap_or_else(|| panic!("unknown profile phase `{phase}`"))
}

/// Add `elapsed` to `phase`.
pub fn add(phase: &str, elapsed: Duration) {
    NANOS[index_of(phase)].fetch_add(elapsed.as_nanos() as u64, Ordering::Relaxed);
}

/// Run `f`, charging its time to `phase`.
pub fn time<T>(phase: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    add(phase, start.elapsed());
    out
}

/// Zero every phase.
pub fn reset() {
    for n in &NANOS {
        n.store(0, Ordering::Relaxed);
    }
}

/// Every phase with the time charged to it since the last [`reset`].
pub fn snapshot() -> Vec<(&'static str, Duration)> {
    PHASES.iter().zip(&NANOS).map(|(p, n)| (*p, Duration::from_nanos(n.load(Ordering::Relaxed)))).collect()
}
