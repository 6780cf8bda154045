//! A time budget per analysed body: generated or adversarial code must not
//! hold a run for minutes. A body whose dataflow passes the budget is given
//! up, like one that does not settle: its rules stay silent rather than
//! report from a half-finished analysis, and a note says so (`--verbose`).

use std::cell::RefCell;
use std::time::{Duration, Instant};

/// Wall time one body's dataflow may take.
pub const PER_BODY: Duration = Duration::from_secs(2);

thread_local! {
    /// Notes for the bodies given up on this thread since the last [`take_skipped`].
    static SKIPPED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// A running budget.
pub struct Budget {
    start: Instant,
    limit: Duration,
}

impl Budget {
    pub fn start() -> Self {
        Budget { start: Instant::now(), limit: PER_BODY }
    }

    /// A budget of `limit` (tests).
    pub fn with_limit(limit: Duration) -> Self {
        Budget { start: Instant::now(), limit }
    }

    pub fn spent(&self) -> bool {
        self.start.elapsed() > self.limit
    }

    pub fn limit(&self) -> Duration {
        self.limit
    }
}

/// Record that a body was given up.
pub fn note_skipped(note: String) {
    SKIPPED.with(|s| s.borrow_mut().push(note));
}

/// The notes recorded on this thread, emptying the list.
pub fn take_skipped() -> Vec<String> {
    SKIPPED.with(|s| std::mem::take(&mut *s.borrow_mut()))
}
