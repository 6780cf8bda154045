//! GT001 and GT002: detached thread-state regions and balanced acquisitions,
//! on the flow engine.

use crate::context::CrateContext;
use crate::diagnostic::Diagnostic;

pub(super) fn check(_cx: &CrateContext<'_>, _out: &mut Vec<Diagnostic>) {}
