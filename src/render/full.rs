//! rustc-style output through codespan-reporting: `error[RC001]: message`,
//! labelled spans, `= help:` with the fix, `= note:` pointing at the docs.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use cpython_rs_lints::{CheckResult, Severity};

use super::display_path;

pub fn render(result: &CheckResult, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut files = SimpleFiles::new();
    let mut ids: HashMap<&Arc<Path>, usize> = HashMap::new();
    for (path, source) in &result.sources {
        ids.insert(path, files.add(display_path(path), source.text.to_string()));
    }
    let config = term::Config::default();
    let mut buffer = if color { termcolor::Buffer::ansi() } else { termcolor::Buffer::no_color() };
    for d in &result.diagnostics {
        let Some(&file) = ids.get(&d.path) else { continue };
        let mut labels = vec![Label::primary(file, d.range.clone()).with_message(&d.primary_label)];
        for label in &d.labels {
            if let Some(&id) = ids.get(&label.path) {
                labels.push(Label::secondary(id, label.range.clone()).with_message(&label.message));
            }
        }
        let mut notes = Vec::new();
        if let Some(help) = &d.help {
            notes.push(format!("help: {help}"));
        }
        notes.extend(d.notes.iter().map(|n| format!("note: {n}")));
        let name = cpython_rs_lints::registry::rule(d.code).map_or("", |r| r.name);
        notes.push(format!("note: `cpython-rs rule {}` explains {name}", d.code));
        let severity = match d.severity {
            Severity::Error => CsSeverity::Error,
            Severity::Warning => CsSeverity::Warning,
        };
        let diagnostic = CsDiagnostic::new(severity)
            .with_code(d.code)
            .with_message(&d.message)
            .with_labels(labels)
            .with_notes(notes);
        term::emit(&mut buffer, &config, &files, &diagnostic).map_err(io::Error::other)?;
    }
    out.write_all(buffer.as_slice())
}
