//! Helpers for tests: check a snippet and render its findings as a user sees them.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use cpython_rs_lints::settings::{self, ConfigFile, Overrides};
use cpython_rs_lints::source::SourceText;
use cpython_rs_lints::{CheckResult, Diagnostic};

/// Settings selecting exactly `select` (codes, names, prefixes or ALL).
pub fn settings_selecting(select: &[&str]) -> settings::Settings {
    let config = ConfigFile { select: Some(select.iter().map(|s| s.to_string()).collect()), ..Default::default() };
    settings::resolve(None, ".".into(), &config, &Overrides::default()).expect("valid selection")
}

/// Check `text` as the file `path` with the rules in `select`.
pub fn check_snippet(path: &str, text: &str, select: &[&str]) -> Vec<Diagnostic> {
    cpython_rs_lints::check_source(path, text, &settings_selecting(select))
}

/// The findings for `text` rendered in the full format, without colour.
pub fn render_snippet(path: &str, text: &str, select: &[&str]) -> String {
    let diagnostics = check_snippet(path, text, select);
    render_full(path, text, diagnostics)
}

/// Render findings on one in-memory file in the full format, without colour.
pub fn render_full(path: &str, text: &str, diagnostics: Vec<Diagnostic>) -> String {
    let arc: Arc<Path> = Arc::from(Path::new(path));
    let mut sources = BTreeMap::new();
    sources.insert(Arc::clone(&arc), Arc::new(SourceText::new(arc, Arc::from(text))));
    let result = CheckResult { diagnostics, sources, files_checked: 1, ..Default::default() };
    let mut out = Vec::new();
    crate::render::full::render(&result, false, &mut out).expect("render to memory");
    String::from_utf8(out).expect("utf-8 output")
}

/// The codes found, in order.
pub fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|d| d.code).collect()
}
