//! Build wiring and stage policy, run once per CPython checkout that a
//! checked path lies in: BW001 compares every Rust module crate under
//! `Modules/` with the places the build needs it; BW002 applies the
//! Rust-for-CPython stage policy (fallbacks, guarded imports in `Lib/`).
//!
//! Each finding points into the file that lacks the entry, at the line where
//! the entry belongs, and its help gives the exact line to add.

mod modules;

mod registration;

use std::path::{Path, PathBuf};

use crate::context::ProjectContext;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::registry::Rule;

pub use crate::buildfiles::pyimports::{imports_of, Import};
pub use modules::ModuleCrate;

pub const RULES: &[Rule] = &[
    declare_rule!(
        "BW001",
        "incomplete-registration",
        Wiring,
        Error,
        "A Rust module crate is missing from a place the build needs it, or its names disagree"
    ),
    declare_rule!(
        "BW002",
        "rust-only-feature",
        Wiring,
        Warning,
        "At stages 1-2, a Rust module has no fallback or is imported without `try`/`except ImportError`"
    ),
];

pub fn check_project(cx: &ProjectContext<'_>, out: &mut Vec<Diagnostic>) {
    let root = crate::settings::absolute(cx.checkout);
    if !crate::checkout::has_rust_support(&root) {
        return;
    }
    let checked: Vec<PathBuf> = cx.checked_paths.iter().map(|p| crate::settings::absolute(p)).collect();
    let crates = modules::discover(&root, cx.extra);
    let in_scope: Vec<&ModuleCrate> = crates.iter().filter(|m| covers(&checked, &m.dir)).collect();
    if cx.settings.is_enabled("BW001") {
        registration::check(&root, &crates, &in_scope, cx.extra, out);
    }
    if cx.settings.is_enabled("BW002") && cx.settings.stage <= 2 {
        let lib_scope: Vec<&ModuleCrate> = if checked.iter().any(|p| p.starts_with(root.join("Lib"))) {
            crates.iter().collect()
        } else {
            in_scope.clone()
        };
        let names: Vec<String> = lib_scope.iter().map(|m| m.canonical_name()).collect();
        let imports = scan_lib(&root, &names);
        check_fallbacks(&root, &in_scope, &imports, cx.settings.stage, out);
        check_imports(&root, &checked, &imports, cx, out);
    }
}

/// Whether a checked path is the module's folder, inside it, or above it.
fn covers(checked: &[PathBuf], dir: &Path) -> bool {
    checked.iter().any(|p| dir.starts_with(p) || p.starts_with(dir))
}

/// Whether `name` has a C or pure-Python implementation of its own.
fn has_fallback(root: &Path, name: &str) -> bool {
    let public = name.trim_start_matches('_');
    let modules = root.join("Modules");
    let lib = root.join("Lib");
    let mut candidates = vec![
        modules.join(format!("{name}.c")),
        modules.join(format!("{name}module.c")),
        lib.join(format!("{name}.py")),
        lib.join(name).join("__init__.py"),
    ];
    if !public.is_empty() && public != name {
        candidates.extend([
            modules.join(format!("{public}module.c")),
            lib.join(format!("{public}.py")),
            lib.join(public).join("__init__.py"),
            lib.join(format!("_py{public}.py")),
        ]);
    }
    if candidates.iter().any(|p| p.is_file()) {
        return true;
    }
    // C sources in `Modules/<name>/` (`_decimal/_decimal.c`), or a Setup line building `name` from C.
    let c_dir = modules.join(name);
    if let Ok(entries) = std::fs::read_dir(&c_dir) {
        if entries.filter_map(|e| e.ok()).any(|e| e.path().extension().is_some_and(|x| x == "c")) {
            return true;
        }
    }
    for setup in ["Setup.stdlib.in", "Setup.bootstrap.in", "Setup"] {
        let path = modules.join(setup);
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let builds_c = crate::buildfiles::setup::entries(&text)
            .iter()
            .any(|e| e.name == name && e.words.iter().any(|w| w.ends_with(".c")));
        if builds_c {
            return true;
        }
    }
    false
}

/// BW002: at stages 1-2 every Rust module replaces an existing implementation: a C or
/// Python module named after it, or a `Lib/` module that imports it with a fallback.
fn check_fallbacks(
    root: &Path,
    modules: &[&ModuleCrate],
    imports: &[(PathBuf, Import)],
    stage: u8,
    out: &mut Vec<Diagnostic>,
) {
    for m in modules {
        let name = m.canonical_name();
        let imported_with_fallback = imports.iter().any(|(_, i)| i.guarded && i.module == name);
        if imported_with_fallback || has_fallback(root, &name) {
            continue;
        }
        let manifest = &m.manifest;
        let range = registration::package_name_range(manifest).unwrap_or(0..0);
        let public = name.trim_start_matches('_');
        out.push(
            Diagnostic::new("BW002", &manifest.path, range, format!("`{name}` exists only in Rust"))
                .with_primary_label(format!("at stage {stage}, Rust modules may only replace existing ones"))
                .with_help(format!(
                    "keep a C (`Modules/{name}.c`) or pure-Python (`Lib/{public}.py`) implementation for builds \
                     without Rust, or import `{name}` from the module it accelerates under `try:` with an \
                     `except ImportError:` fallback; from stage 3 (`stage = 3` in the config) Rust-only modules are allowed"
                ))
                .with_note(
                    "stages 1-2 of the Rust for CPython roadmap keep Rust optional: every feature must work \
                     when CPython is built without cargo",
                ),
        );
    }
}

/// Every import of one of `names` in `Lib/**/*.py`, with its file.
fn scan_lib(root: &Path, names: &[String]) -> Vec<(PathBuf, Import)> {
    if names.is_empty() {
        return Vec::new();
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root.join("Lib"))
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.file_name() != "__pycache__" && e.file_name() != "site-packages")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "py"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let mut found = Vec::new();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        if names.iter().any(|n| text.contains(n)) {
            found
                .extend(crate::buildfiles::pyimports::imports_of(&text, &names).into_iter().map(|i| (path.clone(), i)));
        }
    }
    found
}

/// BW002: `Lib/**/*.py` must import Rust modules inside `try:` / `except ImportError:`.
/// Under `Lib/`, only the checked part is reported; elsewhere, all of `Lib/`.
fn check_imports(
    root: &Path,
    checked: &[PathBuf],
    imports: &[(PathBuf, Import)],
    cx: &ProjectContext<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let lib = root.join("Lib");
    let under_lib: Vec<&PathBuf> = checked.iter().filter(|p| p.starts_with(&lib)).collect();
    for (path, import) in imports.iter().filter(|(_, i)| !i.guarded) {
        if !under_lib.is_empty() && !under_lib.iter().any(|p| path.starts_with(p)) {
            continue;
        }
        let Some(source) = cx.extra.load(path) else { continue };
        out.push(
            Diagnostic::new(
                "BW002",
                &source.path,
                import.range.clone(),
                format!("`{}` is imported without a fallback", import.module),
            )
            .with_primary_label("raises `ImportError` when CPython is built without Rust")
            .with_help(format!(
                "import it inside `try:` and fall back to the C or pure-Python implementation in \
                 `except ImportError:`; at stage {} Rust is optional",
                cx.settings.stage
            )),
        );
    }
}
