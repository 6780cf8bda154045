//! What a rule family is handed: one crate's parsed files, its index, its
//! settings and a way to read the non-Rust files it points into.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::capi::ApiTable;
use crate::diagnostic::Diagnostic;
use crate::index::CrateIndex;
use crate::settings::Settings;
use crate::source::{SourceFile, SourceText};

/// Non-Rust files rules read and point into (a `Cargo.toml`, `configure.ac`),
/// kept so the renderer can show their lines.
#[derive(Debug, Default)]
pub struct ExtraSources {
    files: Mutex<BTreeMap<Arc<Path>, Option<Arc<SourceText>>>>,
}

impl ExtraSources {
    /// Read a text file once; `None` if it cannot be read as UTF-8.
    pub fn load(&self, path: &Path) -> Option<Arc<SourceText>> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = files.get(path) {
            return found.clone();
        }
        let loaded =
            std::fs::read_to_string(path).ok().map(|text| Arc::new(SourceText::new(Arc::from(path), Arc::from(text))));
        files.insert(Arc::from(path), loaded.clone());
        loaded
    }

    /// Everything loaded so far.
    pub fn into_map(self) -> BTreeMap<Arc<Path>, Arc<SourceText>> {
        self.files
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?)))
            .collect()
    }
}

/// One crate, ready for the rules.
pub struct CrateContext<'a> {
    /// The crate's files, its root first.
    pub files: &'a [SourceFile],
    pub index: &'a CrateIndex<'a>,
    pub settings: &'a Settings,
    pub extra: &'a ExtraSources,
    /// The C-API table as seen from this crate (see [`CrateContext::api`]).
    pub api: &'a ApiTable,
}

impl CrateContext<'_> {
    /// What the checker knows of each C-API function, minus the names this
    /// crate defines itself: a call to `crate::ffi::PyObject_Type` is a call
    /// to the crate's own function, judged by its body.
    pub fn api(&self) -> &ApiTable {
        self.api
    }

    /// The crate's functions that macro-generated trampolines call without
    /// catching panics (see [`crate::provenance`]), computed once.
    pub fn macro_callbacks(&self) -> &[crate::provenance::MacroCallback] {
        self.index.macro_callbacks.get_or_init(|| crate::provenance::uncaught_macro_callbacks(self))
    }

    pub fn enabled(&self, code: &str) -> bool {
        self.settings.is_enabled(code)
    }

    /// The `Cargo.toml` of the package the crate root belongs to (nearest above it).
    pub fn manifest_path(&self) -> Option<PathBuf> {
        let root = crate::settings::absolute(self.files.first()?.path());
        root.ancestors().skip(1).map(|d| d.join("Cargo.toml")).find(|p| p.is_file())
    }

    /// Read a non-Rust file so diagnostics can point into it.
    pub fn load_text(&self, path: &Path) -> Option<Arc<SourceText>> {
        self.extra.load(path)
    }
}

/// A CPython checkout that some checked path lies in, for project-level rules.
pub struct ProjectContext<'a> {
    /// The checkout root.
    pub checkout: &'a Path,
    /// The paths `check` was given.
    pub checked_paths: &'a [PathBuf],
    pub settings: &'a Settings,
    pub extra: &'a ExtraSources,
}

/// The signature every family's crate-level entry point has.
pub type CrateCheck = fn(&CrateContext<'_>, &mut Vec<Diagnostic>);
