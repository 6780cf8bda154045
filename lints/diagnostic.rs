//! What a rule reports: a code, a primary range, secondary labels, a help
//! sentence and, where the change is mechanical, a [`Fix`] of text edits.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// How loud a finding is; rules have a default, config may override it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A secondary span with its own message ("returns here without releasing `obj`").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub path: Arc<Path>,
    pub range: Range<usize>,
    pub message: String,
}

/// How sure a fix is, in ruff's model (rustc's `MachineApplicable` and
/// `MaybeIncorrect`): `check --fix` applies safe fixes, `--unsafe-fixes` the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// The edit may change behaviour beyond the finding, or may not compile.
    Unsafe,
    /// The edit is what a careful developer would write, and nothing else changes.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }

    /// rustc's name for it, in `suggestion_applicability`.
    pub fn rustc_name(self) -> &'static str {
        match self {
            Applicability::Unsafe => "MaybeIncorrect",
            Applicability::Safe => "MachineApplicable",
        }
    }
}

/// Replace `range` (bytes of the diagnostic's file) with `content`; an empty
/// range inserts, an empty content deletes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edit {
    pub range: Range<usize>,
    pub content: String,
}

impl Edit {
    pub fn replace(range: Range<usize>, content: impl Into<String>) -> Self {
        Edit { range, content: content.into() }
    }

    pub fn insert(at: usize, content: impl Into<String>) -> Self {
        Edit { range: at..at, content: content.into() }
    }

    pub fn delete(range: Range<usize>) -> Self {
        Edit { range, content: String::new() }
    }
}

/// A mechanical fix: edits to the diagnostic's own file, applied together or
/// not at all. The edits do not overlap and are sorted by position.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fix {
    pub applicability: Applicability,
    /// What the fix does, as an imperative ("Return `Py_NewRef(x)`").
    pub message: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix::new(Applicability::Safe, message, edits)
    }

    pub fn unsafe_edits(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix::new(Applicability::Unsafe, message, edits)
    }

    fn new(applicability: Applicability, message: impl Into<String>, mut edits: Vec<Edit>) -> Self {
        edits.sort_by_key(|e| (e.range.start, e.range.end));
        Fix { applicability, message: message.into(), edits }
    }

    /// The bytes the fix touches, first to last.
    pub fn span(&self) -> Range<usize> {
        let start = self.edits.iter().map(|e| e.range.start).min().unwrap_or(0);
        let end = self.edits.iter().map(|e| e.range.end).max().unwrap_or(start);
        start..end
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's stable code (`RC001`); the registry has its name and page.
    pub code: &'static str,
    pub severity: Severity,
    pub path: Arc<Path>,
    /// Byte range of the primary location in the file's text.
    pub range: Range<usize>,
    pub message: String,
    /// Short text under the primary caret (empty: none).
    pub primary_label: String,
    pub labels: Vec<Label>,
    /// The fix, as a sentence.
    pub help: Option<String>,
    /// Extra facts (a call chain, the C-API convention).
    pub notes: Vec<String>,
    /// The edits that fix it, where they are mechanical.
    pub fix: Option<Fix>,
    /// Path of the item the finding is in, within its file (`Counter::incr`);
    /// set by the engine, used by baselines to recognise a finding that moved.
    pub item: Option<String>,
}

impl Diagnostic {
    /// A finding of rule `code` at `range` of `path`; severity comes from the registry.
    pub fn new(code: &'static str, path: &Arc<Path>, range: Range<usize>, message: impl Into<String>) -> Self {
        let severity = crate::registry::rule(code).map_or(Severity::Error, |r| r.severity);
        Diagnostic {
            code,
            severity,
            path: Arc::clone(path),
            range,
            message: message.into(),
            primary_label: String::new(),
            labels: Vec::new(),
            help: None,
            notes: Vec::new(),
            fix: None,
            item: None,
        }
    }

    pub fn with_primary_label(mut self, text: impl Into<String>) -> Self {
        self.primary_label = text.into();
        self
    }

    pub fn with_label(mut self, path: &Arc<Path>, range: Range<usize>, message: impl Into<String>) -> Self {
        self.labels.push(Label { path: Arc::clone(path), range, message: message.into() });
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}
