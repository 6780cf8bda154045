//! What a rule reports: a code, a primary range, secondary labels and a fix.

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    #[serde(with = "arc_path")]
    pub path: Arc<Path>,
    pub range: Range<usize>,
    pub message: String,
}

/// A rule's code. A named type so serde does not take a field of it for a
/// string borrowed from the input: it is read back from the registry.
pub type RuleCode = &'static str;

/// One finding. Serialisable so the cache can store it as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The rule's stable code (`RC001`); the registry has its name and page.
    #[serde(with = "rule_code")]
    pub code: RuleCode,
    pub severity: Severity,
    #[serde(with = "arc_path")]
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
}

/// A rule code as its text; read back as the registry's own `&'static str`.
mod rule_code {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(code: &&'static str, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(code)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
        let code = String::deserialize(d)?;
        crate::registry::rule(&code).map(|r| r.code).ok_or_else(|| D::Error::custom(format!("unknown rule `{code}`")))
    }
}

/// A shared path, written as a plain path.
mod arc_path {
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(path: &Arc<Path>, s: S) -> Result<S::Ok, S::Error> {
        path.as_ref().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<Path>, D::Error> {
        PathBuf::deserialize(d).map(Arc::from)
    }
}
