//! (rules of this family are being written)

use crate::context::CrateContext;
use crate::diagnostic::Diagnostic;
use crate::registry::Rule;

pub const RULES: &[Rule] = &[];

pub fn check(_cx: &CrateContext<'_>, _out: &mut Vec<Diagnostic>) {}
