//! rustc-style output through codespan-reporting: `error[RC001]: message`,
//! labelled spans, `= help:` with the fix, `= note:` pointing at the docs.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor};
use cpython_rs_lints::{CheckResult, Diagnostic, Severity};

use super::display_path;

pub fn render(result: &CheckResult, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let files = Files::new(result);
    let mut buffer = if color { termcolor::Buffer::ansi() } else { termcolor::Buffer::no_color() };
    for d in &result.diagnostics {
        files.emit(d, &mut buffer)?;
    }
    out.write_all(buffer.as_slice())
}

/// The checked texts, ready for codespan-reporting.
pub struct Files<'r> {
    files: SimpleFiles<String, String>,
    ids: HashMap<&'r Arc<Path>, usize>,
}

impl<'r> Files<'r> {
    pub fn new(result: &'r CheckResult) -> Self {
        let mut files = SimpleFiles::new();
        let mut ids = HashMap::new();
        for (path, source) in &result.sources {
            ids.insert(path, files.add(display_path(path), source.text.to_string()));
        }
        Files { files, ids }
    }

    /// One finding as rustc prints it, without colour (rustc-JSON's `rendered`).
    pub fn rendered(&self, d: &Diagnostic) -> io::Result<String> {
        let mut buffer = termcolor::Buffer::no_color();
        self.emit(d, &mut buffer)?;
        Ok(String::from_utf8_lossy(buffer.as_slice()).into_owned())
    }

    fn emit(&self, d: &Diagnostic, buffer: &mut termcolor::Buffer) -> io::Result<()> {
        let Some(&file) = self.ids.get(&d.path) else { return Ok(()) };
        let mut labels = vec![Label::primary(file, d.range.clone()).with_message(&d.primary_label)];
        for label in &d.labels {
            if let Some(&id) = self.ids.get(&label.path) {
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
        term::emit(buffer, &term::Config::default(), &self.files, &diagnostic).map_err(io::Error::other)
    }
}
