//! The Rust module crates of a checkout: every `Modules/<dir>/Cargo.toml`
//! whose package depends on the binding crate and exports a module.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::context::ExtraSources;
use crate::source::SourceText;

/// Crates under `Modules/` that are part of the Rust support, not modules.
const SUPPORT_CRATES: &[&str] = &["cpython-sys", "cpython-api", "cpython-build-helper", "cpython-rust-staticlib"];
/// The binding crates a module depends on.
const BINDINGS: &[&str] = &["cpython-sys", "cpython-api"];

/// Where a crate exports its module, and as what name.
#[derive(Debug, Clone)]
pub struct Export {
    /// The module name (`_base64` of `PyInit__base64`).
    pub name: String,
    /// The Rust item to re-export from the static library (`PyInit__base64`).
    pub item: String,
    pub source: Arc<SourceText>,
    pub range: Range<usize>,
    /// Written as `export_module! { name: .. }` rather than as a function.
    pub via_macro: bool,
}

impl Export {
    /// How to write this export for the module `name`.
    pub fn spelled_for(&self, name: &str) -> String {
        if self.via_macro {
            format!("name: {name}")
        } else {
            self.item.replace(&self.name, name)
        }
    }
}

/// One Rust module crate.
#[derive(Debug)]
pub struct ModuleCrate {
    /// `Modules/<dir>`, absolute.
    pub dir: PathBuf,
    pub dir_name: String,
    pub manifest: Arc<SourceText>,
    pub package: String,
    /// `[lib] name`, when written.
    pub lib_name: Option<String>,
    pub exports: Vec<Export>,
}

impl ModuleCrate {
    /// The lib target's name: `[lib] name`, else the package name with `-` as `_`.
    pub fn effective_lib_name(&self) -> String {
        self.lib_name.clone().unwrap_or_else(|| self.package.replace('-', "_"))
    }

    /// The name most of directory, package, lib and exports agree on (the directory on a tie).
    pub fn canonical_name(&self) -> String {
        let mut votes: Vec<String> = vec![self.dir_name.clone(), self.package.clone(), self.effective_lib_name()];
        votes.extend(self.exports.iter().map(|e| e.name.clone()));
        let count = |n: &String| votes.iter().filter(|v| *v == n).count();
        let best = votes.iter().map(count).max().unwrap_or(0);
        if count(&self.dir_name) == best {
            return self.dir_name.clone();
        }
        votes.iter().find(|v| count(v) == best).cloned().unwrap_or_else(|| self.dir_name.clone())
    }

    /// The item the static library should re-export.
    pub fn entry_item(&self) -> String {
        let name = self.canonical_name();
        match self.exports.first() {
            Some(e) if !e.via_macro => e.item.clone(),
            Some(_) => format!("PyModExport_{name}"),
            None => format!("PyInit_{name}"),
        }
    }
}

/// The module crates under `<root>/Modules`, sorted by directory.
pub fn discover(root: &Path, extra: &ExtraSources) -> Vec<ModuleCrate> {
    let Ok(entries) = std::fs::read_dir(root.join("Modules")) else { return Vec::new() };
    let mut dirs: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    dirs.into_iter().filter_map(|dir| load_crate(&dir, extra)).collect()
}

fn load_crate(dir: &Path, extra: &ExtraSources) -> Option<ModuleCrate> {
    let manifest = extra.load(&dir.join("Cargo.toml"))?;
    let table: toml::Table = manifest.text.parse().ok()?;
    let package = table.get("package")?.get("name")?.as_str()?.to_string();
    let dir_name = dir.file_name()?.to_string_lossy().into_owned();
    if SUPPORT_CRATES.contains(&package.as_str()) || SUPPORT_CRATES.contains(&dir_name.as_str()) {
        return None;
    }
    let lib = table.get("lib");
    if lib.and_then(|l| l.get("proc-macro")).and_then(toml::Value::as_bool) == Some(true) {
        return None;
    }
    if !depends_on_bindings(&table) {
        return None;
    }
    let lib_name = lib.and_then(|l| l.get("name")).and_then(toml::Value::as_str).map(String::from);
    let lib_path = lib.and_then(|l| l.get("path")).and_then(toml::Value::as_str).unwrap_or("src/lib.rs");
    let exports = find_exports(dir, &dir.join(lib_path), extra);
    if exports.is_empty() {
        // A helper library, not a module: nothing for the build to register.
        return None;
    }
    Some(ModuleCrate { dir: dir.to_path_buf(), dir_name, manifest, package, lib_name, exports })
}

fn depends_on_bindings(table: &toml::Table) -> bool {
    let in_deps = |deps: Option<&toml::Value>| {
        deps.and_then(toml::Value::as_table).is_some_and(|deps| {
            deps.iter().any(|(key, value)| {
                let package = value.get("package").and_then(toml::Value::as_str).unwrap_or(key);
                BINDINGS.contains(&package)
            })
        })
    };
    in_deps(table.get("dependencies"))
        || table
            .get("target")
            .and_then(toml::Value::as_table)
            .is_some_and(|targets| targets.values().any(|t| in_deps(t.get("dependencies"))))
}

/// The module entry points in the crate's sources: `fn PyInit_<name>`,
/// `fn PyModExport_<name>`, `export_name = "PyInit_<name>"` and
/// `export_module! { name: <name>, .. }`. The lib file first.
fn find_exports(dir: &Path, lib: &Path, extra: &ExtraSources) -> Vec<Export> {
    let mut files = vec![lib.to_path_buf()];
    let src = dir.join("src");
    let mut others: Vec<PathBuf> = walkdir::WalkDir::new(&src)
        .max_depth(4)
        .into_iter()
        .filter_map(|e| e.ok())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs") && p != lib)
        .collect();
    others.sort();
    files.extend(others);
    let mut exports = Vec::new();
    for path in files {
        if let Some(source) = extra.load(&path) {
            scan_exports(&source, &mut exports);
        }
    }
    exports
}

fn scan_exports(source: &Arc<SourceText>, out: &mut Vec<Export>) {
    let text = &source.text;
    let code = crate::source::code_only(text);
    for prefix in ["PyInit_", "PyModExport_"] {
        let needle = format!("fn {prefix}");
        for (at, _) in code.match_indices(&needle) {
            let start = at + 3;
            let item = ident_at(&code, start);
            if let Some(name) = item.strip_prefix(prefix).filter(|n| !n.is_empty()) {
                out.push(Export {
                    name: name.to_string(),
                    item: item.to_string(),
                    source: Arc::clone(source),
                    range: start..start + item.len(),
                    via_macro: false,
                });
            }
        }
    }
    // `#[unsafe(export_name = "PyInit_x")]` on an item with another Rust name.
    for (at, _) in code.match_indices("export_name") {
        let rest = &text[at..];
        let Some(open) = rest.find('"') else { continue };
        let value_start = at + open + 1;
        let value = ident_at(text, value_start);
        for prefix in ["PyInit_", "PyModExport_"] {
            if let Some(name) = value.strip_prefix(prefix).filter(|n| !n.is_empty()) {
                let item = item_after(&code, value_start).unwrap_or_else(|| value.to_string());
                out.push(Export {
                    name: name.to_string(),
                    item,
                    source: Arc::clone(source),
                    range: value_start..value_start + value.len(),
                    via_macro: false,
                });
            }
        }
    }
    for (at, _) in code.match_indices("export_module!") {
        let body = &code[at..];
        let Some(key) = body.find("name") else { continue };
        let after = &body[key + 4..];
        let colon = after.len() - after.trim_start().len();
        if !after[colon..].starts_with(':') {
            continue;
        }
        let value_at = at + key + 4 + colon + 1;
        let skipped = text[value_at..].len() - text[value_at..].trim_start().len();
        let mut start = value_at + skipped;
        // `name: _x` or `name: "_x"` / `c"_x"`.
        if text[start..].starts_with("c\"") {
            start += 2;
        } else if text[start..].starts_with('"') {
            start += 1;
        }
        let name = ident_at(text, start);
        if !name.is_empty() {
            out.push(Export {
                name: name.to_string(),
                item: format!("PyModExport_{name}"),
                source: Arc::clone(source),
                range: start..start + name.len(),
                via_macro: true,
            });
        }
    }
}

/// The identifier starting at byte `at`.
fn ident_at(text: &str, at: usize) -> &str {
    let rest = &text[at.min(text.len())..];
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
    &rest[..end]
}

/// The name of the `fn` after an attribute at `at` (`export_name = ".."] pub extern "C" fn entry`).
fn item_after(code: &str, at: usize) -> Option<String> {
    let rest = &code[at..];
    let fn_at = rest.find("fn ")?;
    let name = ident_at(rest, fn_at + 3);
    (!name.is_empty()).then(|| name.to_string())
}
