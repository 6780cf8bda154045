//! Configuration: discovery upward from each checked path, the TOML schema,
//! rule selection, severity overrides and per-file ignores.
//!
//! A config is `cpython-rs.toml`, or a `[package.metadata.cpython-rs]` /
//! `[workspace.metadata.cpython-rs]` table in a `Cargo.toml`. The nearest one
//! wins, as in ruff; command-line options apply on top of it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::{Glob, GlobMatcher, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::capi::{ApiTable, UserFunction};
use crate::diagnostic::Severity;
use crate::registry::{self, Rule};

/// The name of a standalone config file.
pub const CONFIG_FILE: &str = "cpython-rs.toml";

/// The TOML schema; unknown keys are errors.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    pub select: Option<Vec<String>>,
    #[serde(default)]
    pub extend_select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity overrides: `RC007 = "error"`.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// `"tests/**/*.rs" = ["SD001"]`, globs relative to the config's folder.
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    /// Globs of paths not to check, relative to the config's folder.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// The Rust-for-CPython stage (1-4) for BW002.
    pub stage: Option<u8>,
    /// A baseline file (`check --write-baseline`), relative to the config's folder.
    pub baseline: Option<PathBuf>,
    #[serde(default)]
    pub api: ApiConfig,
    #[serde(default)]
    pub panic: PanicConfig,
    #[serde(default)]
    pub gil: GilConfig,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ApiConfig {
    /// The user's own C-API-like helpers: `my_get = { returns = "borrowed" }`.
    #[serde(default)]
    pub functions: BTreeMap<String, UserFunction>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PanicConfig {
    /// Pedantic: integer `+ - * <<` that can overflow in callbacks.
    #[serde(default)]
    pub overflow: bool,
    /// Whether the `extern "C"` trampolines that `#[pyfunction]`,
    /// `#[pymethods]`, `export_module!` and kin generate catch panics. Unset:
    /// read from the macro crate when the crate's path dependencies reach it,
    /// known for PyO3 (they catch), otherwise unknown (no macro callbacks).
    pub macro_callbacks_catch: Option<bool>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct GilConfig {
    /// Functions whose closure argument runs with the thread state detached.
    pub detach_helpers: Option<Vec<String>>,
}

/// Helpers that run their closure detached, unless configured otherwise.
pub const DEFAULT_DETACH_HELPERS: &[&str] = &["allow_threads", "detach", "without_gil"];

/// Command-line options that apply on top of any config.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    /// `--config FILE`: use this file and skip discovery.
    pub config: Option<PathBuf>,
    pub stage: Option<u8>,
    /// `--baseline FILE`: report only findings not recorded in it.
    pub baseline: Option<PathBuf>,
    /// Ignore any baseline (`--write-baseline` records every finding).
    pub no_baseline: bool,
}

/// A config problem: the file and what is wrong. Exit code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: Option<PathBuf>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{}: {}", path.display(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Settings resolved for one config (or for none), ready for the rules.
#[derive(Debug)]
pub struct Settings {
    /// The config file these came from, if any.
    pub config_path: Option<PathBuf>,
    /// Folder that relative globs are relative to.
    pub root: PathBuf,
    /// The root lies in a CPython checkout: the fork's policies are on by default.
    pub in_checkout: bool,
    /// The selection was given (`select`), not the default one.
    pub selected: bool,
    pub enabled: BTreeSet<&'static str>,
    pub severity: BTreeMap<&'static str, Severity>,
    pub per_file_ignores: Vec<(String, GlobMatcher, Vec<&'static str>)>,
    pub exclude: GlobSet,
    pub exclude_patterns: Vec<String>,
    pub stage: u8,
    pub api: Arc<ApiTable>,
    pub panic_overflow: bool,
    /// `[panic] macro-callbacks-catch`.
    pub macro_callbacks_catch: Option<bool>,
    pub detach_helpers: Vec<String>,
    pub user_functions: BTreeMap<String, UserFunction>,
    /// The config's baseline file, made relative to the config's folder.
    pub baseline: Option<PathBuf>,
}

impl Settings {
    pub fn is_enabled(&self, code: &str) -> bool {
        self.enabled.contains(code)
    }

    /// Whether any of these rules is enabled; families skip their work otherwise.
    pub fn any_enabled(&self, rules: &[Rule]) -> bool {
        rules.iter().any(|r| self.is_enabled(r.code))
    }

    pub fn severity_of(&self, code: &str) -> Option<Severity> {
        self.severity.get(code).copied()
    }

    /// Whether `code` is ignored for `path` by a per-file ignore.
    pub fn ignored_for(&self, path: &Path, code: &str) -> bool {
        if self.per_file_ignores.is_empty() {
            return false;
        }
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        self.per_file_ignores
            .iter()
            .any(|(_, glob, codes)| codes.contains(&code) && (glob.is_match(rel) || glob.is_match(path)))
    }

    /// Whether discovery should skip `path`.
    pub fn is_excluded(&self, path: &Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        self.exclude.is_match(rel)
            || self.exclude.is_match(path)
            || rel.file_name().is_some_and(|name| self.exclude.is_match(name))
    }

    /// A human-readable dump for `check --show-settings`.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let config = self.config_path.as_ref().map_or("(none: defaults)".to_string(), |p| p.display().to_string());
        out.push_str(&format!("config: {config}\n"));
        out.push_str(&format!("root: {}\n", self.root.display()));
        out.push_str(&format!("stage: {}\n", self.stage));
        out.push_str(&format!("in a CPython checkout: {}\n", if self.in_checkout { "yes" } else { "no" }));
        let selection = match (self.selected, self.in_checkout) {
            (true, _) => "selected (`select`)",
            (false, true) => "default, inside a CPython checkout (with the fork's `policy`)",
            (false, false) => "default (without `pedantic` and the checkout-only `policy` rules)",
        };
        out.push_str(&format!("selection: {selection}\n"));
        out.push_str(&format!("enabled ({}):\n", self.enabled.len()));
        for rule in registry::all().filter(|r| self.enabled.contains(r.code)) {
            let severity = self.severity_of(rule.code).unwrap_or(rule.severity);
            let mut notes = vec![severity.as_str()];
            notes.extend(group_names(rule));
            out.push_str(&format!("  {} {} ({})\n", rule.code, rule.name, notes.join(", ")));
        }
        out.push_str("disabled:\n");
        for rule in registry::all().filter(|r| !self.enabled.contains(r.code)) {
            let groups = group_names(rule);
            let notes = if groups.is_empty() { String::new() } else { format!(" ({})", groups.join(", ")) };
            out.push_str(&format!("  {} {}{notes}\n", rule.code, rule.name));
        }
        out.push_str(&format!("exclude: {:?}\n", self.exclude_patterns));
        out.push_str("per-file-ignores:\n");
        for (pattern, _, codes) in &self.per_file_ignores {
            out.push_str(&format!("  {pattern} = {codes:?}\n"));
        }
        if let Some(baseline) = &self.baseline {
            out.push_str(&format!("baseline: {}\n", baseline.display()));
        }
        out.push_str(&format!("panic.overflow: {}\n", self.panic_overflow));
        out.push_str(&format!("gil.detach-helpers: {:?}\n", self.detach_helpers));
        out.push_str(&format!("api.functions: {:?}\n", self.user_functions.keys().collect::<Vec<_>>()));
        out.push_str(&format!("api table: {} functions\n", self.api.len()));
        out
    }
}

/// The groups a rule belongs to (`pedantic`, `policy`), for `describe`.
fn group_names(rule: &Rule) -> Vec<&'static str> {
    rule.groups().map(|g| g.name()).collect()
}

/// Finds and caches the settings for each folder.
pub struct SettingsResolver {
    overrides: Overrides,
    cache: Mutex<HashMap<PathBuf, Arc<Settings>>>,
    explicit: Option<Arc<Settings>>,
}

impl SettingsResolver {
    pub fn new(overrides: Overrides) -> Result<Self, ConfigError> {
        let explicit = match &overrides.config {
            Some(path) => {
                let config = read_config_file(path)?.ok_or_else(|| ConfigError {
                    path: Some(path.clone()),
                    message: "has no [package.metadata.cpython-rs] or [workspace.metadata.cpython-rs] table".into(),
                })?;
                let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
                Some(Arc::new(resolve(Some(path.clone()), root, &config, &overrides)?))
            }
            None => None,
        };
        Ok(SettingsResolver { overrides, cache: Mutex::new(HashMap::new()), explicit })
    }

    /// Settings for a file or folder: from the nearest config above it.
    pub fn for_path(&self, path: &Path) -> Result<Arc<Settings>, ConfigError> {
        if let Some(settings) = &self.explicit {
            return Ok(Arc::clone(settings));
        }
        let dir =
            if path.is_dir() { path.to_path_buf() } else { path.parent().map(Path::to_path_buf).unwrap_or_default() };
        let dir = absolute(&dir);
        if let Some(found) = self.cache.lock().expect("settings cache").get(&dir) {
            return Ok(Arc::clone(found));
        }
        let settings = match find_config(&dir)? {
            Some((path, config)) => {
                let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
                resolve(Some(path), root, &config, &self.overrides)?
            }
            None => resolve(None, dir.clone(), &ConfigFile::default(), &self.overrides)?,
        };
        let settings = Arc::new(settings);
        self.cache.lock().expect("settings cache").insert(dir, Arc::clone(&settings));
        Ok(settings)
    }
}

/// `path` made absolute without touching the file system's links, `.` and
/// `..` removed as written: `src/types/../lib.rs` and `src/lib.rs` are one file.
pub fn absolute(path: &Path) -> PathBuf {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for comp in abs.components() {
        match comp {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The nearest config at or above `dir`.
pub fn find_config(dir: &Path) -> Result<Option<(PathBuf, ConfigFile)>, ConfigError> {
    for ancestor in dir.ancestors() {
        // Present but unreadable (a directory, a FIFO, invalid TOML) is an error, not "no config".
        let standalone = ancestor.join(CONFIG_FILE);
        if standalone.exists() {
            if let Some(config) = read_config_file(&standalone)? {
                return Ok(Some((standalone, config)));
            }
        }
        let manifest = ancestor.join("Cargo.toml");
        if manifest.exists() {
            if let Some(config) = read_config_file(&manifest)? {
                return Ok(Some((manifest, config)));
            }
        }
    }
    Ok(None)
}

/// Read a config from `cpython-rs.toml` or a Cargo.toml's metadata table.
/// `Ok(None)` for a Cargo.toml without one.
pub fn read_config_file(path: &Path) -> Result<Option<ConfigFile>, ConfigError> {
    let err = |message: String| ConfigError { path: Some(path.to_path_buf()), message };
    let text = crate::fsio::read_text_limited(path, crate::fsio::MAX_CONFIG_BYTES)
        .map_err(|e| err(format!("cannot read: {e}")))?;
    let is_manifest = path.file_name().is_some_and(|n| n == "Cargo.toml");
    if !is_manifest {
        return toml::from_str::<ConfigFile>(&text).map(Some).map_err(|e| err(toml_message(&e)));
    }
    // A manifest that is not TOML cannot say whether it configures us: say so rather than guess.
    let value: toml::Table = toml::from_str(&text).map_err(|e| err(toml_message(&e)))?;
    for table in ["package", "workspace"] {
        let section = value.get(table).and_then(|t| t.get("metadata")).and_then(|m| m.get("cpython-rs"));
        if let Some(section) = section {
            let config: ConfigFile = section
                .clone()
                .try_into()
                .map_err(|e: toml::de::Error| err(format!("[{table}.metadata.cpython-rs]: {}", toml_message(&e))))?;
            return Ok(Some(config));
        }
    }
    Ok(None)
}

fn toml_message(e: &toml::de::Error) -> String {
    e.to_string().trim().replace('\n', "\n  ")
}

/// Turn a config plus overrides into settings, validating every code.
pub fn resolve(
    config_path: Option<PathBuf>,
    root: PathBuf,
    config: &ConfigFile,
    overrides: &Overrides,
) -> Result<Settings, ConfigError> {
    let err = |message: String| ConfigError { path: config_path.clone(), message };
    let cli_err = |message: String| ConfigError { path: None, message };
    let expand = |selectors: &[String], from_cli: bool| -> Result<Vec<&'static Rule>, ConfigError> {
        let mut rules = Vec::new();
        for s in selectors {
            match registry::expand_selector(s) {
                Some(found) => rules.extend(found),
                None if from_cli => return Err(cli_err(format!("unknown rule selector `{s}`"))),
                None => return Err(err(format!("unknown rule selector `{s}`"))),
            }
        }
        Ok(rules)
    };

    let checkout = crate::checkout::find_checkout(&root);
    let mut enabled: BTreeSet<&'static str> = match (&overrides.select, &config.select) {
        (Some(cli), _) => expand(cli, true)?.into_iter().map(|r| r.code).collect(),
        (None, Some(cfg)) => expand(cfg, false)?.into_iter().map(|r| r.code).collect(),
        (None, None) => registry::all().filter(|r| r.on_by_default(checkout.is_some())).map(|r| r.code).collect(),
    };
    // `--select` on the command line replaces the config's whole selection, its `extend-select` too.
    if overrides.select.is_none() {
        enabled.extend(expand(&config.extend_select, false)?.into_iter().map(|r| r.code));
    }
    enabled.extend(expand(&overrides.extend_select, true)?.into_iter().map(|r| r.code));
    for rule in expand(&config.ignore, false)?.into_iter().chain(expand(&overrides.ignore, true)?) {
        enabled.remove(rule.code);
    }
    // Files that cannot be analysed are always reported.
    for rule in registry::INPUT_RULES {
        enabled.insert(rule.code);
    }

    let mut severity = BTreeMap::new();
    for (selector, level) in &config.severity {
        for rule in expand(std::slice::from_ref(selector), false)? {
            severity.insert(rule.code, *level);
        }
    }

    let mut per_file_ignores = Vec::new();
    for (pattern, codes) in &config.per_file_ignores {
        let glob = Glob::new(pattern).map_err(|e| err(format!("per-file-ignores: bad glob `{pattern}`: {e}")))?;
        let codes = expand(codes, false)?.into_iter().map(|r| r.code).collect();
        per_file_ignores.push((pattern.clone(), glob.compile_matcher(), codes));
    }

    let mut exclude = GlobSetBuilder::new();
    for pattern in &config.exclude {
        exclude.add(Glob::new(pattern).map_err(|e| err(format!("exclude: bad glob `{pattern}`: {e}")))?);
    }
    let exclude = exclude.build().map_err(|e| err(format!("exclude: {e}")))?;

    let stage = overrides.stage.or(config.stage).unwrap_or(1);
    if !(1..=4).contains(&stage) {
        return Err(err(format!("stage must be 1 to 4, not {stage}")));
    }

    let mut api = ApiTable::curated().clone();
    if let Some(checkout) = &checkout {
        if let Ok(dat) = std::fs::read_to_string(checkout.join("Doc/data/refcounts.dat")) {
            api.fill_from_refcounts(&dat);
        }
    }
    api.add_user_functions(&config.api.functions);

    let baseline = config.baseline.as_ref().map(|b| root.join(b));
    Ok(Settings {
        config_path,
        root,
        in_checkout: checkout.is_some(),
        selected: overrides.select.is_some() || config.select.is_some(),
        enabled,
        severity,
        per_file_ignores,
        exclude,
        exclude_patterns: config.exclude.clone(),
        stage,
        api: Arc::new(api),
        panic_overflow: config.panic.overflow,
        macro_callbacks_catch: config.panic.macro_callbacks_catch,
        detach_helpers: config
            .gil
            .detach_helpers
            .clone()
            .unwrap_or_else(|| DEFAULT_DETACH_HELPERS.iter().map(|s| s.to_string()).collect()),
        user_functions: config.api.functions.clone(),
        baseline,
    })
}

/// Default settings with no config, for tests and library users.
pub fn defaults() -> Settings {
    resolve(None, PathBuf::from("."), &ConfigFile::default(), &Overrides::default()).expect("defaults are valid")
}
