//! The result cache, in the manner of ruff's: a crate whose inputs have not
//! changed is not parsed or analysed again.
//!
//! One entry per crate job (a crate, or one file of a crate checked file by
//! file) in `.cpython-rs-cache/` at the project's root: the folder of the
//! config in use, else the CPython checkout, else the nearest folder with a
//! `Cargo.toml`, else the current folder. The key is this build of the analyser, the effective
//! settings and the content of every file the crate's analysis reads: its
//! own files, and for crates that use the C API every `Cargo.toml` above its
//! root (UW003 reads the package's and the workspace's). A crate-level
//! finding depends on the whole crate, so one changed file re-analyses it.
//!
//! A cache that cannot be written (a read-only tree) is skipped silently; an
//! entry that cannot be read back (corrupt, another version's) is a miss and
//! is rewritten.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::settings::{absolute, Settings};

/// The cache folder's name at a project's root.
pub const DIR_NAME: &str = ".cpython-rs-cache";

/// This build of the analyser: its version and a hash of its sources, so a
/// changed rule never reuses an old result (`build.rs`).
const TOOL: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("CPYTHON_RS_LINTS_SOURCE_HASH"));

/// What a crate job produced, as stored.
#[derive(Debug, Serialize, Deserialize)]
pub struct Entry {
    key: String,
    /// Files that could not be analysed (IO001/SY001 among the diagnostics).
    pub failed: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Where one crate job's entry lives and the key it must match.
pub struct Slot {
    file: PathBuf,
    key: String,
    /// The `Cargo.toml`s above the crate's root that are part of the key:
    /// absolute path and text, so findings in them can be shown on a hit.
    pub manifests: Vec<(PathBuf, Arc<str>)>,
}

/// The cache of one `check` run; shared by the worker threads.
#[derive(Default)]
pub struct Cache {
    enabled: bool,
    /// Per folder: the cache folder chosen for crates rooted there.
    dirs: Mutex<HashMap<PathBuf, PathBuf>>,
    /// Per folder: its `Cargo.toml`, if it has one.
    manifests: Mutex<HashMap<PathBuf, Option<Arc<str>>>>,
    /// Cache folders created (true) or found unwritable (false) in this run.
    prepared: Mutex<HashMap<PathBuf, bool>>,
}

impl Cache {
    pub fn new(enabled: bool) -> Self {
        Cache { enabled, ..Default::default() }
    }

    /// The slot for a crate job made of `files` (root first); `None` when
    /// caching is off.
    pub fn slot(&self, files: &[(&Arc<Path>, &str)], settings: &Settings, python: bool) -> Option<Slot> {
        if !self.enabled {
            return None;
        }
        let root = absolute(files.first()?.0);
        let root_dir = root.parent()?.to_path_buf();
        let manifests: Vec<(PathBuf, Arc<str>)> = if python {
            root_dir
                .ancestors()
                .filter_map(|dir| self.manifest_in(dir).map(|text| (dir.join("Cargo.toml"), text)))
                .collect()
        } else {
            Vec::new()
        };
        let dir = self.dir_for(&root_dir, settings);
        let mut key = TwoHasher::default();
        (TOOL, settings.fingerprint, python, files.len()).hash(&mut key);
        for (path, text) in files {
            (path, text).hash(&mut key);
        }
        for (path, text) in &manifests {
            (path, &**text).hash(&mut key);
        }
        let mut name = TwoHasher::default();
        (&root, python).hash(&mut name);
        Some(Slot { file: dir.join(format!("{}.json", name.hex())), key: key.hex(), manifests })
    }

    /// The stored result for `slot`, if its key still matches.
    pub fn load(&self, slot: &Slot) -> Option<Entry> {
        let bytes = std::fs::read(&slot.file).ok()?;
        let entry: Entry = serde_json::from_slice(&bytes).ok()?;
        (entry.key == slot.key).then_some(entry)
    }

    /// Store a crate job's result; any failure leaves the cache as it was.
    pub fn store(&self, slot: &Slot, failed: &[Arc<Path>], diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let failed = failed.iter().map(|p| p.to_path_buf()).collect();
        let entry = Entry { key: slot.key.clone(), failed, diagnostics };
        if let Some(dir) = slot.file.parent() {
            if self.prepare(dir) {
                if let Ok(bytes) = serde_json::to_vec(&entry) {
                    write_atomically(&slot.file, &bytes);
                }
            }
        }
        entry.diagnostics
    }

    /// The cache folder for crates rooted in `root_dir`.
    fn dir_for(&self, root_dir: &Path, settings: &Settings) -> PathBuf {
        if let Some(dir) = &settings.cache_dir {
            return dir.clone();
        }
        if let Some(found) = lock(&self.dirs).get(root_dir) {
            return found.clone();
        }
        let project = if settings.config_path.is_some() {
            settings.root.clone()
        } else if let Some(checkout) = crate::checkout::find_checkout(root_dir) {
            checkout
        } else {
            // No project around it: the current folder, as ruff does.
            match root_dir.ancestors().find(|d| self.manifest_in(d).is_some()) {
                Some(package) => package.to_path_buf(),
                None => std::env::current_dir().map_or_else(|_| root_dir.to_path_buf(), |cwd| absolute(&cwd)),
            }
        };
        let dir = project.join(DIR_NAME);
        lock(&self.dirs).insert(root_dir.to_path_buf(), dir.clone());
        dir
    }

    /// The text of `dir/Cargo.toml`, read once per run.
    fn manifest_in(&self, dir: &Path) -> Option<Arc<str>> {
        if let Some(found) = lock(&self.manifests).get(dir) {
            return found.clone();
        }
        let text = std::fs::read_to_string(dir.join("Cargo.toml")).ok().map(Arc::from);
        lock(&self.manifests).insert(dir.to_path_buf(), text.clone());
        text
    }

    /// Create `dir` with a `.gitignore` of `*` (and a CACHEDIR.TAG, so
    /// backup tools skip it); whether entries can be written there.
    fn prepare(&self, dir: &Path) -> bool {
        let mut prepared = lock(&self.prepared);
        if let Some(&ok) = prepared.get(dir) {
            return ok;
        }
        let ok = std::fs::create_dir_all(dir).is_ok() && {
            let gitignore = dir.join(".gitignore");
            gitignore.is_file() || {
                let _ = std::fs::write(
                    dir.join("CACHEDIR.TAG"),
                    "Signature: 8a477f597d28d172789f06886806bc55\n# Created by cpython-rs: its result cache.\n",
                );
                std::fs::write(&gitignore, "# Created by cpython-rs.\n*\n").is_ok()
            }
        };
        prepared.insert(dir.to_path_buf(), ok);
        ok
    }
}

/// Write through a temporary file and a rename, so a reader never sees half
/// an entry and concurrent runs do not interleave.
fn write_atomically(path: &Path, bytes: &[u8]) {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = path.with_extension(format!("{}.{n}.tmp", std::process::id()));
    if std::fs::write(&tmp, bytes).is_err() || std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// 128 bits from two differently seeded SipHash streams: enough that two
/// different inputs never share a key in practice.
struct TwoHasher(DefaultHasher, DefaultHasher);

impl Default for TwoHasher {
    fn default() -> Self {
        let (a, mut b) = (DefaultHasher::new(), DefaultHasher::new());
        b.write_u64(0x9e37_79b9_7f4a_7c15);
        TwoHasher(a, b)
    }
}

impl TwoHasher {
    fn hex(&self) -> String {
        format!("{:016x}{:016x}", self.0.finish(), self.1.finish())
    }
}

impl Hasher for TwoHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
        self.1.write(bytes);
    }

    fn finish(&self) -> u64 {
        self.0.finish()
    }
}
