//! Applying fixes: non-overlapping edits into a file's text, then re-checking
//! until nothing more applies (a fix may unblock another that overlapped it).
//!
//! Nothing here writes a file: [`fix_all`] returns the fixed texts and the
//! shell decides whether to write them (`--fix`) or print a diff (`--diff`).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::engine::{check, CheckRequest, CheckResult};
use crate::settings::ConfigError;

/// Passes of check-then-fix before giving up on fixes that keep appearing.
const MAX_PASSES: usize = 10;

/// The text after applying some fixes, and which of them were applied.
#[derive(Debug)]
pub struct Applied {
    pub text: String,
    /// Indices into the fixes given, in the order given.
    pub applied: Vec<usize>,
}

/// Apply `fixes` to `text`, first by position; a fix overlapping one already
/// applied is left for a later pass, and a fix identical to an applied one
/// (two findings, one cure) counts as applied.
pub fn apply(text: &str, fixes: &[&Fix]) -> Applied {
    let mut order: Vec<usize> = (0..fixes.len()).collect();
    order.sort_by_key(|&i| (fixes[i].span().start, fixes[i].span().end, i));
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut applied = Vec::new();
    let mut taken: Vec<&Fix> = Vec::new();
    for i in order {
        let fix = fixes[i];
        if taken.iter().any(|t| t.edits == fix.edits) {
            applied.push(i);
            continue;
        }
        let in_bounds = fix.edits.iter().all(|e| {
            e.range.start <= e.range.end
                && e.range.end <= text.len()
                && text.is_char_boundary(e.range.start)
                && text.is_char_boundary(e.range.end)
        });
        let ordered = fix.edits.windows(2).all(|w| w[0].range.end <= w[1].range.start);
        let clear = fix.edits.first().is_some_and(|e| e.range.start >= copied);
        if !in_bounds || !ordered || !clear {
            continue;
        }
        for edit in &fix.edits {
            out.push_str(&text[copied..edit.range.start]);
            out.push_str(&edit.content);
            copied = edit.range.end;
        }
        taken.push(fix);
        applied.push(i);
    }
    out.push_str(&text[copied..]);
    applied.sort_unstable();
    Applied { text: out, applied }
}

/// Whether `text` still parses as a Rust file (a fix must never break one).
pub fn parses(path: &Path, text: &str) -> bool {
    let path: Arc<Path> = Arc::from(path);
    let text: Arc<str> = Arc::from(text);
    // syn recurses once per nesting level: parse on a thread with the engine's stack.
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(crate::engine::WORKER_STACK)
            .spawn_scoped(s, move || {
                let ok = crate::source::parse(path, text).is_ok();
                proc_macro2::extra::invalidate_current_thread_spans();
                ok
            })
            .ok()
            .and_then(|h| h.join().ok())
            .unwrap_or(false)
    })
}

/// A file's text before the first fix and after the last.
#[derive(Debug, Clone)]
pub struct FixedFile {
    pub original: Arc<str>,
    pub fixed: String,
}

/// What [`fix_all`] did.
#[derive(Debug, Default)]
pub struct FixOutcome {
    /// Files whose text changed, by the path `check` found them under.
    pub files: BTreeMap<PathBuf, FixedFile>,
    /// Findings fixed, per rule code.
    pub fixed: BTreeMap<&'static str, usize>,
    /// Files whose fixes were dropped because the result did not parse (a rule bug).
    pub rejected: Vec<PathBuf>,
    /// The findings that remain after the last pass, with the fixed texts.
    pub result: CheckResult,
}

impl FixOutcome {
    pub fn fixed_count(&self) -> usize {
        self.fixed.values().sum()
    }
}

/// Whether a finding's fix may be applied at this level.
fn wanted(d: &Diagnostic, unsafe_fixes: bool) -> Option<&Fix> {
    d.fix.as_ref().filter(|f| unsafe_fixes || f.applicability == Applicability::Safe)
}

/// Check, apply every wanted fix file by file, and check the fixed texts
/// again, until no fix applies. Files that do not parse are never changed:
/// they have no findings with fixes, and a fixed text that does not parse is
/// dropped whole.
pub fn fix_all(request: &CheckRequest, unsafe_fixes: bool) -> Result<FixOutcome, ConfigError> {
    let mut request = request.clone();
    let mut outcome = FixOutcome::default();
    let mut originals: HashMap<PathBuf, Arc<str>> = HashMap::new();
    for pass in 0.. {
        let result = check(&request)?;
        if pass == MAX_PASSES {
            outcome.result = result;
            break;
        }
        let mut by_file: BTreeMap<&Arc<Path>, Vec<&Diagnostic>> = BTreeMap::new();
        for d in &result.diagnostics {
            if wanted(d, unsafe_fixes).is_some() {
                by_file.entry(&d.path).or_default().push(d);
            }
        }
        let mut changed = false;
        for (path, diags) in by_file {
            let Some(source) = result.sources.get(path) else { continue };
            if outcome.rejected.iter().any(|r| r.as_path() == &**path) {
                continue;
            }
            let fixes: Vec<&Fix> = diags.iter().filter_map(|d| wanted(d, unsafe_fixes)).collect();
            let applied = apply(&source.text, &fixes);
            if applied.applied.is_empty() || applied.text == *source.text {
                continue;
            }
            if !parses(path, &applied.text) {
                outcome.rejected.push(path.to_path_buf());
                continue;
            }
            originals.entry(path.to_path_buf()).or_insert_with(|| Arc::clone(&source.text));
            for &i in &applied.applied {
                *outcome.fixed.entry(diags[i].code).or_default() += 1;
            }
            request.overlay.insert(path.to_path_buf(), Arc::from(applied.text.as_str()));
            changed = true;
        }
        if !changed {
            outcome.result = result;
            break;
        }
    }
    for (path, original) in originals {
        if let Some(text) = request.overlay.get(&path) {
            outcome.files.insert(path, FixedFile { original, fixed: text.to_string() });
        }
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Edit;

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let text = "abcdef";
        let a = Fix::safe("a", vec![Edit::replace(1..2, "B")]);
        let b = Fix::safe("b", vec![Edit::replace(1..3, "XY")]);
        let c = Fix::safe("c", vec![Edit::insert(6, "!")]);
        let d = Fix::safe("d", vec![Edit::replace(1..2, "B")]);
        let applied = apply(text, &[&c, &a, &b, &d]);
        assert_eq!(applied.text, "aBcdef!");
        assert_eq!(applied.applied, vec![0, 1, 3]);
    }

    #[test]
    fn out_of_bounds_edits_are_ignored() {
        let fix = Fix::safe("x", vec![Edit::replace(3..10, "")]);
        assert_eq!(apply("abc", &[&fix]).text, "abc");
    }
}
