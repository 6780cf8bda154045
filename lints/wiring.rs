//! (rules of this family are being written)

use crate::context::ProjectContext;
use crate::diagnostic::Diagnostic;
use crate::registry::Rule;

pub const RULES: &[Rule] = &[];

pub fn check_project(_cx: &ProjectContext<'_>, _out: &mut Vec<Diagnostic>) {}
