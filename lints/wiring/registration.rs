//! BW001: a Rust module crate against every place the build needs it, and
//! its names against each other.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use super::modules::ModuleCrate;
use crate::buildfiles::{self, setup::SetupEntry};
use crate::context::ExtraSources;
use crate::diagnostic::Diagnostic;
use crate::source::SourceText;

const NAMES_NOTE: &str =
    "the directory, package name, lib name, Setup.stdlib.in entry and exported module name must be one identifier";

pub(super) fn check(
    root: &Path,
    all: &[ModuleCrate],
    in_scope: &[&ModuleCrate],
    extra: &ExtraSources,
    out: &mut Vec<Diagnostic>,
) {
    let workspace = extra.load(&root.join("Cargo.toml"));
    let setup = extra.load(&root.join("Modules/Setup.stdlib.in"));
    let configure = extra.load(&root.join("configure.ac"));
    let generated = std::fs::read_to_string(root.join("configure")).ok();
    let lock = extra.load(&root.join("Cargo.lock"));
    let staticlib_dir = root.join("Modules/cpython-rust-staticlib");
    let staticlib = staticlib_dir.is_dir().then(|| StaticLib::load(&staticlib_dir, extra)).flatten();
    for m in in_scope {
        check_names(m, out);
        let name = m.canonical_name();
        if let Some(ws) = &workspace {
            check_workspace(ws, m, out);
        }
        if let Some(setup) = &setup {
            check_setup(setup, m, &name, out);
        }
        if let Some(configure) = &configure {
            check_configure(configure, generated.as_deref(), &name, out);
        }
        if let Some(lock) = &lock {
            check_lock(lock, m, out);
        }
        if let Some(lib) = &staticlib {
            lib.check(m, &name, all, out);
        }
    }
}

/// The 0-based line holding `offset`, as a trimmed byte range.
fn line_range(source: &SourceText, offset: usize) -> Range<usize> {
    let line = source.lines.line_of(offset);
    let start = source.lines.line_start(line);
    let end = source.text[start..].find('\n').map_or(source.text.len(), |e| start + e);
    let content = &source.text[start..end];
    let lead = content.len() - content.trim_start().len();
    let trimmed_end = start + content.trim_end().len();
    (start + lead)..trimmed_end.max(start + lead)
}

/// The last non-blank line of a file, where a new entry goes.
fn last_line(source: &SourceText) -> Range<usize> {
    let end = source.text.trim_end().len();
    if end == 0 {
        return 0..0;
    }
    line_range(source, end - 1)
}

/// Byte ranges of each line of a text, without the newline.
fn lines_of(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').map(move |raw| {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        (start..start + line.len(), line)
    })
}

/// The range of `key = ...` inside `[table]` of a TOML file (textual, for pointing).
fn toml_key_range(source: &SourceText, table: &str, key: &str) -> Option<Range<usize>> {
    let mut in_table = false;
    for (range, line) in lines_of(&source.text) {
        let t = line.trim();
        if t.starts_with('[') {
            in_table = t.trim_start_matches('[').trim_end_matches(']').trim() == table;
            continue;
        }
        if in_table && t.split(['=', ' ', '.']).next() == Some(key) {
            return Some(line_range(source, range.start));
        }
    }
    None
}

fn table_header_range(source: &SourceText, table: &str) -> Option<Range<usize>> {
    lines_of(&source.text)
        .find(|(_, line)| {
            line.trim().trim_start_matches('[').trim_end_matches(']').trim() == table && line.trim().starts_with('[')
        })
        .map(|(range, _)| line_range(source, range.start))
}

/// `name = "..."` of `[package]`.
pub(super) fn package_name_range(manifest: &SourceText) -> Option<Range<usize>> {
    toml_key_range(manifest, "package", "name")
}

/// Package, lib, directory and exported names must agree.
fn check_names(m: &ModuleCrate, out: &mut Vec<Diagnostic>) {
    let name = m.canonical_name();
    let manifest = &m.manifest;
    let package_line = package_name_range(manifest).unwrap_or(0..0);
    if m.dir_name != name {
        out.push(
            Diagnostic::new(
                "BW001",
                &manifest.path,
                package_line.clone(),
                format!("the crate's folder `Modules/{}` does not match the module name `{name}`", m.dir_name),
            )
            .with_primary_label(format!("the module is `{name}` here"))
            .with_help(format!("rename the folder to `Modules/{name}`"))
            .with_note(NAMES_NOTE),
        );
    }
    if m.package != name {
        out.push(
            Diagnostic::new(
                "BW001",
                &manifest.path,
                package_line.clone(),
                format!("package name `{}` does not match the module name `{name}`", m.package),
            )
            .with_primary_label("package name")
            .with_help(format!("set `name = \"{name}\"` in `[package]`"))
            .with_note(NAMES_NOTE),
        );
    }
    let lib_name = m.effective_lib_name();
    if lib_name != name && m.package == name {
        let (range, label) = match toml_key_range(manifest, "lib", "name") {
            Some(r) => (r, "lib name"),
            None => (package_line.clone(), "the lib name defaults to the package name"),
        };
        out.push(
            Diagnostic::new(
                "BW001",
                &manifest.path,
                range,
                format!("lib name `{lib_name}` does not match the module name `{name}`"),
            )
            .with_primary_label(label)
            .with_help(format!("set `name = \"{name}\"` in `[lib]`"))
            .with_note(NAMES_NOTE),
        );
    }
    for export in m.exports.iter().filter(|e| e.name != name) {
        out.push(
            Diagnostic::new(
                "BW001",
                &export.source.path,
                export.range.clone(),
                format!("the crate exports module `{}`, but the module is `{name}`", export.name),
            )
            .with_primary_label("CPython imports the module by this name")
            .with_help(format!("export it as `{name}`: `{}`", export.spelled_for(&name)))
            .with_note(NAMES_NOTE),
        );
    }
}

/// `[workspace] members` must list `Modules/<dir>`.
fn check_workspace(ws: &Arc<SourceText>, m: &ModuleCrate, out: &mut Vec<Diagnostic>) {
    let Ok(table) = ws.text.parse::<toml::Table>() else { return };
    let Some(workspace) = table.get("workspace") else { return };
    let member = format!("Modules/{}", m.dir_name);
    let list = |key: &str| -> Vec<String> {
        workspace
            .get(key)
            .and_then(toml::Value::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_str()).map(normalize_member).collect())
            .unwrap_or_default()
    };
    let matches = |pattern: &String| {
        *pattern == member
            || globset::Glob::new(pattern).is_ok_and(|g| g.compile_matcher().is_match(&member) && pattern.contains('*'))
    };
    let members = list("members");
    let excluded = list("exclude").iter().any(matches);
    if members.iter().any(matches) && !excluded {
        return;
    }
    let range =
        toml_key_range(ws, "workspace", "members").or_else(|| table_header_range(ws, "workspace")).unwrap_or(0..0);
    let why = if excluded { "is excluded from" } else { "is not in" };
    out.push(
        Diagnostic::new("BW001", &ws.path, range, format!("`{member}` {why} the workspace members"))
            .with_primary_label(format!("`{member}` belongs in this list"))
            .with_help(format!("add `\"{member}\",` to `[workspace] members` (sorted, one per line)"))
            .with_note("cargo builds only workspace members; the module would not be compiled"),
    );
}

fn normalize_member(member: &str) -> String {
    member.trim().trim_start_matches("./").trim_end_matches('/').to_string()
}

/// `Modules/Setup.stdlib.in` must build the module from its crate.
fn check_setup(setup: &Arc<SourceText>, m: &ModuleCrate, name: &str, out: &mut Vec<Diagnostic>) {
    let expected = buildfiles::setup::rust_entry(name);
    let var = format!("MODULE_{}_TRUE", name.to_ascii_uppercase());
    let manifest = format!("{}/Cargo.toml", m.dir_name);
    let all = buildfiles::setup::entries(&setup.text);
    let entries: Vec<&SetupEntry> = all.iter().filter(|e| e.name == name).collect();
    // The Rust entry names the crate manifest; a C module of the same name may stay beside it.
    let rust_entry = entries.iter().find(|e| e.words.contains(&manifest));
    if let Some(entry) = rust_entry.or(entries.first()) {
        let archive = format!("lib{name}.a");
        let problem = if !entry.words.contains(&manifest) {
            Some(format!("builds `{name}` from C sources, not from its crate `{manifest}`"))
        } else if entry.var.as_deref() != Some(var.as_str()) {
            Some(format!("is not conditional on `@{var}@`"))
        } else if !entry.words.contains(&archive) {
            Some(format!("does not name the static library `{archive}`"))
        } else {
            None
        };
        if let Some(problem) = problem {
            out.push(
                Diagnostic::new(
                    "BW001",
                    &setup.path,
                    line_range(setup, entry.range.start),
                    format!("the Setup entry for `{name}` {problem}"),
                )
                .with_primary_label("this entry")
                .with_help(format!("write the entry as `{expected}`")),
            );
        }
        return;
    }
    let header = buildfiles::setup::rust_block_header(&setup.text);
    let anchor = match (all.iter().rev().find(|e| e.is_rust()), header) {
        (Some(last), _) => line_range(setup, last.range.start),
        (None, Some(line)) => line_range(setup, setup.lines.line_start(line)),
        (None, None) => 0..0,
    };
    out.push(
        Diagnostic::new("BW001", &setup.path, anchor, format!("`{name}` is missing from Modules/Setup.stdlib.in"))
            .with_primary_label("the Rust modules are listed here")
            .with_help(format!("add `{expected}` to the Rust modules block"))
            .with_note("without the entry, `make` never builds the module"),
    );
}

/// `configure.ac` must check for the module, and `configure` must have been regenerated.
fn check_configure(configure: &Arc<SourceText>, generated: Option<&str>, name: &str, out: &mut Vec<Diagnostic>) {
    let mods = buildfiles::configure_ac::stdlib_mods(&configure.text);
    if let Some(call) = mods.iter().find(|m| m.name == name) {
        let var = format!("MODULE_{}_TRUE", name.to_ascii_uppercase());
        let stale = generated.is_some_and(|g| g.contains("MODULE_") && g.contains("_TRUE") && !g.contains(&var));
        if stale {
            out.push(
                Diagnostic::new(
                    "BW001",
                    &configure.path,
                    line_range(configure, call.range.start),
                    format!("`configure` was not regenerated after `{name}` was added to configure.ac"),
                )
                .with_primary_label(format!("`configure` has no `{var}`"))
                .with_help("regenerate it with `Tools/build/regen-configure.sh`"),
            );
        }
        return;
    }
    let anchor = mods
        .iter()
        .rev()
        .find(|m| m.needs_cargo())
        .or_else(|| mods.iter().rev().find(|m| !m.simple))
        .or(mods.last())
        .map(|m| line_range(configure, m.range.start))
        .unwrap_or(0..0);
    let expected = buildfiles::configure_ac::rust_module_call(name, false);
    out.push(
        Diagnostic::new(
            "BW001",
            &configure.path,
            anchor,
            format!("configure.ac has no `PY_STDLIB_MOD` check for `{name}`"),
        )
        .with_primary_label("the stdlib module checks are here")
        .with_help(format!("add `{expected}`, then regenerate `configure` with `Tools/build/regen-configure.sh`"))
        .with_note(format!(
            "without it, `@MODULE_{}_TRUE@` is never set and the module is never built",
            name.to_ascii_uppercase()
        )),
    );
}

/// `Cargo.lock` must list the package: every build runs cargo with `--locked`.
fn check_lock(lock: &Arc<SourceText>, m: &ModuleCrate, out: &mut Vec<Diagnostic>) {
    let Ok(table) = lock.text.parse::<toml::Table>() else { return };
    let Some(packages) = table.get("package").and_then(toml::Value::as_array) else { return };
    if packages.iter().any(|p| p.get("name").and_then(toml::Value::as_str) == Some(m.package.as_str())) {
        return;
    }
    let anchor = lines_of(&lock.text).find(|(_, l)| l.trim() == "[[package]]").map(|(r, _)| r).unwrap_or(0..0);
    out.push(
        Diagnostic::new("BW001", &lock.path, anchor, format!("Cargo.lock has no package `{}`", m.package))
            .with_primary_label("the lock file predates the module")
            .with_help(
                "run `cargo update --workspace` at the checkout root (it needs the network only for new dependencies)",
            )
            .with_note("CPython's build runs cargo with `--locked`, which fails when the lock file is out of date"),
    );
}

/// A `use` (or `extern crate`) of the static library's `src/lib.rs`, one per leaf.
struct UseItem {
    /// The first path segment: the crate (`_base64` of `_base64::PyInit__base64`).
    krate: String,
    /// The item brought in (`PyInit__base64`).
    item: String,
    /// The name it is visible under (the alias, or the item).
    exported: String,
    range: Range<usize>,
}

/// The static-library crate that links every Rust module into static builds.
struct StaticLib {
    manifest: Arc<SourceText>,
    deps: Vec<(String, Option<String>)>,
    lib: Option<Arc<SourceText>>,
    uses: Vec<UseItem>,
}

impl StaticLib {
    fn load(dir: &Path, extra: &ExtraSources) -> Option<StaticLib> {
        let manifest = extra.load(&dir.join("Cargo.toml"))?;
        let table: toml::Table = manifest.text.parse().ok()?;
        let deps = table
            .get("dependencies")
            .and_then(toml::Value::as_table)
            .map(|deps| {
                deps.iter()
                    .map(|(key, value)| {
                        let package = value.get("package").and_then(toml::Value::as_str).unwrap_or(key).to_string();
                        let path = value.get("path").and_then(toml::Value::as_str).map(normalize_member);
                        (package, path)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let lib = extra.load(&dir.join("src/lib.rs"));
        let uses = lib.as_ref().map(|l| use_items(l)).unwrap_or_default();
        Some(StaticLib { manifest, deps, lib, uses })
    }

    fn check(&self, m: &ModuleCrate, name: &str, all: &[ModuleCrate], out: &mut Vec<Diagnostic>) {
        let by_path = format!("../{}", m.dir_name);
        let has_dep =
            self.deps.iter().any(|(package, path)| *package == m.package || path.as_deref() == Some(&by_path));
        if !has_dep {
            let anchor =
                table_header_range(&self.manifest, "dependencies").unwrap_or_else(|| last_line(&self.manifest));
            out.push(
                Diagnostic::new(
                    "BW001",
                    &self.manifest.path,
                    anchor,
                    format!("the static library crate does not depend on `{}`", m.package),
                )
                .with_primary_label("every Rust module is a dependency here")
                .with_help(format!("add `{} = {{ path = \"../{}\" }}` to `[dependencies]`", m.package, m.dir_name))
                .with_note(
                    "static builds (WebAssembly, `MODULE_BUILDTYPE=static`) link the modules through this crate",
                ),
            );
        }
        let Some(lib) = &self.lib else { return };
        let crate_name = m.effective_lib_name();
        // A lib name that disagrees is reported once, by the name check; accept either here.
        let mine: Vec<&UseItem> = self.uses.iter().filter(|u| u.krate == crate_name || u.krate == name).collect();
        if mine.is_empty() {
            let expected = self.reexport_line(m, name, all);
            let (anchor, label) = match self.uses.last() {
                Some(u) => (line_range(lib, u.range.start), "entry points are re-exported here"),
                None => (last_line(lib), "the re-export belongs in this file"),
            };
            out.push(
                Diagnostic::new(
                    "BW001",
                    &lib.path,
                    anchor,
                    format!("the static library does not re-export the entry point of `{name}`"),
                )
                .with_primary_label(label)
                .with_help(format!("add `{expected}`"))
                .with_note("without the re-export, the linker drops the module from the static archive"),
            );
            return;
        }
        let module_crates: Vec<String> = all.iter().map(ModuleCrate::effective_lib_name).collect();
        for mine in mine.iter().filter(|u| u.exported != "*") {
            let clash = self.uses.iter().find(|u| {
                u.krate != mine.krate
                    && u.exported == mine.exported
                    && module_crates.contains(&u.krate)
                    && u.range.start < mine.range.start
            });
            if let Some(other) = clash {
                out.push(
                    Diagnostic::new(
                        "BW001",
                        &lib.path,
                        line_range(lib, mine.range.start),
                        format!(
                            "the re-export of `{}` collides with the one of `{}`: both are `{}`",
                            mine.krate, other.krate, mine.exported
                        ),
                    )
                    .with_primary_label("two items with one name")
                    .with_help(format!("alias it per module: `pub use {}::{} as {name}_init;`", mine.krate, mine.item)),
                );
            }
        }
    }

    /// The re-export line to add, in the style of the existing ones
    /// (`pub use _base64::PyInit__base64 as _base64_init;` gives `.. _json::PyInit__json as _json_init;`).
    fn reexport_line(&self, m: &ModuleCrate, name: &str, all: &[ModuleCrate]) -> String {
        let crate_name = m.effective_lib_name();
        let template = self.uses.iter().rev().find_map(|u| {
            let other = all.iter().find(|o| o.effective_lib_name() == u.krate)?;
            Some((other.canonical_name(), u))
        });
        let Some((other, template)) = template else {
            return format!("pub use {crate_name}::{} as {name}_init;", m.entry_item());
        };
        // The same item in every module (`PyModExport`), or one named after the module (`PyInit__json`).
        let item = if template.item.contains(&other) { m.entry_item() } else { template.item.clone() };
        if template.exported != template.item && template.exported.contains(&other) {
            return format!("pub use {crate_name}::{item} as {};", template.exported.replace(&other, name));
        }
        if item.contains(name) {
            format!("pub use {crate_name}::{item};")
        } else {
            format!("pub use {crate_name}::{item} as {name}_init;")
        }
    }
}

/// The `use` and `extern crate` items of a file, one per leaf.
fn use_items(source: &SourceText) -> Vec<UseItem> {
    let Ok(file) = syn::parse_file(&source.text) else { return Vec::new() };
    let range_of = |span: proc_macro2::Span| {
        source.lines.offset(&source.text, span.start())..source.lines.offset(&source.text, span.end())
    };
    let mut out = Vec::new();
    for item in &file.items {
        match item {
            syn::Item::Use(u) => {
                let range = range_of(syn::spanned::Spanned::span(u));
                let mut leaves = Vec::new();
                use_leaves(&u.tree, None, &mut leaves);
                for (krate, item, exported) in leaves {
                    out.push(UseItem { krate, item, exported, range: range.clone() });
                }
            }
            syn::Item::ExternCrate(e) => {
                let krate = e.ident.to_string();
                let exported = e.rename.as_ref().map_or_else(|| krate.clone(), |(_, r)| r.to_string());
                out.push(UseItem {
                    krate: krate.clone(),
                    item: krate,
                    exported,
                    range: range_of(syn::spanned::Spanned::span(e)),
                });
            }
            _ => {}
        }
    }
    out
}

/// (first segment, item, visible name) of each leaf of a use tree.
fn use_leaves(tree: &syn::UseTree, first: Option<&str>, out: &mut Vec<(String, String, String)>) {
    match tree {
        syn::UseTree::Path(p) => {
            let first = first.map_or_else(|| p.ident.to_string(), str::to_string);
            use_leaves(&p.tree, Some(&first), out);
        }
        syn::UseTree::Name(n) => {
            let name = n.ident.to_string();
            out.push((first.map_or_else(|| name.clone(), str::to_string), name.clone(), name));
        }
        syn::UseTree::Rename(r) => {
            let item = r.ident.to_string();
            out.push((first.map_or_else(|| item.clone(), str::to_string), item, r.rename.to_string()));
        }
        syn::UseTree::Glob(_) => {
            if let Some(first) = first {
                out.push((first.to_string(), "*".to_string(), "*".to_string()));
            }
        }
        syn::UseTree::Group(g) => {
            for t in &g.items {
                use_leaves(t, first, out);
            }
        }
    }
}
