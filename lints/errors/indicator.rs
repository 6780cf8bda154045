//! EI001: error sentinels returned on a path where no exception is set, on the flow engine.

use crate::context::CrateContext;
use crate::diagnostic::Diagnostic;

pub(super) fn check(_cx: &CrateContext<'_>, _out: &mut Vec<Diagnostic>) {}
