//! Callbacks that macros generate: the user's functions under
//! `#[pyfunction]`, the marked methods of a `#[pymethods]` impl, the
//! functions named in `export_module! { methods: [..], exec: .. }`, and the
//! trait methods (`ModuleState::new`/`traverse`/`clear`, `Drop`) of the
//! types the generated glue runs. CPython calls the generated `extern "C"`
//! trampoline, which calls these bodies: when the trampoline does not catch
//! panics, they are callbacks for PF001/PF002 like any `extern "C"` fn.
//!
//! Whether the trampolines catch is decided, first match wins, by
//! `[panic] macro-callbacks-catch`, by PyO3 (its macros catch: a `pyo3`
//! dependency or `use pyo3`), or by reading the macros themselves: the
//! crate's own `macro_rules!` and the crates its `Cargo.toml` reaches through
//! `path` dependencies (two levels: a module -> `cpython-api` ->
//! `cpython-api-macros`), judged as UW005 judges them. Otherwise the macros'
//! behaviour is unknown and their bodies are not callbacks: silence.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use syn::visit::Visit;

use crate::context::CrateContext;
use crate::macros::{self, Origin};
use crate::source::SourceFile;

/// The attributes and macros that generate trampolines in PyO3 and the
/// fork's safe API; with a config override or PyO3 these need no reading.
const KNOWN_GENERATORS: &[&str] = &["pyfunction", "pymethods", "pymodule", "export_module"];

/// Method attributes inside a `#[pymethods]` impl that expose the method.
const METHOD_MARKERS: &[&str] =
    &["pyfunction", "pymethod", "getter", "setter", "new", "classmethod", "staticmethod", "classattr", "pyo3"];

/// Bound on the files read from path dependencies.
const MAX_DEPENDENCY_FILES: usize = 400;

/// A function CPython reaches through a macro-generated trampoline that does not catch panics.
#[derive(Debug, Clone)]
pub struct MacroCallback {
    /// Index into the crate index's `fns`.
    pub fn_index: usize,
    /// How the user wrote it (`#[pyfunction]`, `export_module!`).
    pub via: String,
    /// Where the catch verdict comes from (`cpython-api-macros`, `[panic] macro-callbacks-catch`).
    pub source: String,
}

/// Whether each generating macro's trampolines catch panics, by macro name,
/// with where that was read.
#[derive(Debug, Default, Clone)]
struct Verdicts {
    catches: HashMap<String, (bool, String)>,
}

impl Verdicts {
    fn merge(&mut self, other: &Verdicts) {
        for (name, (catches, source)) in &other.catches {
            let entry = self.catches.entry(name.clone()).or_insert((*catches, source.clone()));
            // One unguarded trampoline is enough for a macro not to catch.
            if !catches {
                *entry = (false, source.clone());
            }
        }
    }

    /// Judge the trampolines written in `files` (one crate, named `source`).
    fn read(files: &[SourceFile], source: &str) -> Verdicts {
        let mut verdicts = Verdicts::default();
        let judged = macros::judged_trampolines(files);
        if judged.is_empty() {
            return verdicts;
        }
        let reach = macros::proc_macro_reach(files);
        for (origin, guarded) in judged {
            let names: Vec<String> = match &origin {
                Origin::Rules { name, .. } => vec![name.clone()],
                Origin::Quote { enclosing: Some(f) } => {
                    reach.iter().filter(|(_, fns)| fns.contains(f)).map(|(entry, _)| entry.clone()).collect()
                }
                Origin::Quote { enclosing: None } => Vec::new(),
            };
            for name in names {
                let mut one = Verdicts::default();
                one.catches.insert(name, (guarded, source.to_string()));
                verdicts.merge(&one);
            }
        }
        verdicts
    }
}

/// The crate's functions that macro-generated trampolines call without catching panics.
pub fn uncaught_macro_callbacks(cx: &CrateContext<'_>) -> Vec<MacroCallback> {
    let candidates = candidates(cx);
    if candidates.is_empty() {
        return Vec::new();
    }
    let verdicts = verdicts(cx);
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (fn_index, mac, via) in candidates {
        let Some((catches, source)) = verdicts.catches.get(&mac) else { continue };
        if !catches && seen.insert(fn_index) && !cx.index.fns[fn_index].in_test {
            out.push(MacroCallback { fn_index, via, source: source.clone() });
        }
    }
    out.sort_by_key(|m| m.fn_index);
    out
}

/// What decides the crate's macros' catching, first match wins (see the module docs).
fn verdicts(cx: &CrateContext<'_>) -> Verdicts {
    let fixed = |catches: bool, source: &str| Verdicts {
        catches: KNOWN_GENERATORS.iter().map(|n| (n.to_string(), (catches, source.to_string()))).collect(),
    };
    if let Some(catches) = cx.settings.macro_callbacks_catch {
        let source = "`[panic] macro-callbacks-catch`";
        let mut v = fixed(catches, source);
        let mut read = Verdicts::read(cx.files, "this crate");
        read.merge(&dependency_verdicts(cx));
        for name in read.catches.into_keys() {
            v.catches.insert(name, (catches, source.to_string()));
        }
        return v;
    }
    let manifest = cx.manifest_path();
    let uses_pyo3 = manifest.as_deref().is_some_and(depends_on_pyo3)
        || cx.files.iter().any(|f| f.text().contains("use pyo3") || f.text().contains("pyo3::"));
    if uses_pyo3 {
        return fixed(true, "PyO3");
    }
    let mut v = Verdicts::read(cx.files, "this crate");
    v.merge(&dependency_verdicts(cx));
    v
}

fn depends_on_pyo3(manifest: &Path) -> bool {
    dependency_tables(manifest).iter().any(|deps| deps.contains_key("pyo3"))
}

fn dependency_tables(manifest: &Path) -> Vec<toml::Table> {
    let Some(table) = std::fs::read_to_string(manifest).ok().and_then(|t| t.parse::<toml::Table>().ok()) else {
        return Vec::new();
    };
    table.get("dependencies").and_then(|v| v.as_table()).cloned().into_iter().collect()
}

/// The crate's own package (its `src/`, for a test or example crate beside
/// it), the folders of its `path` dependencies, and theirs (two levels).
fn path_dependencies(manifest: &Path) -> Vec<PathBuf> {
    let own = crate::settings::absolute(manifest.parent().unwrap_or(Path::new(".")));
    let mut out: Vec<PathBuf> = vec![own];
    let mut frontier = vec![manifest.to_path_buf()];
    for _level in 0..2 {
        let mut next = Vec::new();
        for m in &frontier {
            let dir = m.parent().unwrap_or(Path::new("."));
            for deps in dependency_tables(m) {
                for spec in deps.values() {
                    let Some(rel) = spec.as_table().and_then(|t| t.get("path")).and_then(|p| p.as_str()) else {
                        continue;
                    };
                    let dep = crate::settings::absolute(&dir.join(rel));
                    if !out.contains(&dep) && dep.join("Cargo.toml").is_file() {
                        out.push(dep.clone());
                        next.push(dep.join("Cargo.toml"));
                    }
                }
            }
        }
        frontier = next;
    }
    out
}

/// Verdicts read from the path dependencies, cached per dependency folder
/// (plain data: safe to share between the threads that check crates).
fn dependency_verdicts(cx: &CrateContext<'_>) -> Verdicts {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Arc<Verdicts>>>> = OnceLock::new();
    let Some(manifest) = cx.manifest_path() else { return Verdicts::default() };
    let mut all = Verdicts::default();
    for dep in path_dependencies(&manifest) {
        let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
        let cached = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&dep).cloned();
        let verdicts = match cached {
            Some(v) => v,
            None => {
                let v = Arc::new(read_dependency(&dep));
                cache.lock().unwrap_or_else(|e| e.into_inner()).insert(dep.clone(), v.clone());
                v
            }
        };
        all.merge(&verdicts);
    }
    all
}

/// Parse a dependency's `src/` and judge the trampolines its macros generate.
fn read_dependency(dir: &Path) -> Verdicts {
    let name = dir.file_name().map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().to_string());
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir.join("src")).follow_links(false).into_iter().filter_map(Result::ok) {
        if files.len() >= MAX_DEPENDENCY_FILES {
            break;
        }
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") {
            let Ok(text) = std::fs::read_to_string(path) else { continue };
            if !(text.contains("macro_rules") || text.contains("quote")) || !text.contains("extern") {
                continue;
            }
            if let Ok(file) = crate::source::parse(Arc::from(path), Arc::from(text)) {
                files.push(file);
            }
        }
    }
    Verdicts::read(&files, &format!("`{name}`"))
}

/// `(fn index, generating macro, how it is written)` for every function a
/// generating macro may wrap.
fn candidates(cx: &CrateContext<'_>) -> Vec<(usize, String, String)> {
    let index = cx.index;
    let mut out = Vec::new();
    // `#[pyfunction] fn f(..)`
    for (i, f) in index.fns.iter().enumerate() {
        if f.self_ty.is_none() {
            for attr in f.attrs {
                if let Some(name) = attr.path().segments.last().map(|s| s.ident.to_string()) {
                    if !is_builtin_attribute(&name) {
                        out.push((i, name.clone(), format!("`#[{name}]`")));
                    }
                }
            }
        }
    }
    let mut finder = ItemFinder::default();
    for file in cx.files {
        finder.visit_file(&file.ast);
    }
    // `#[pymethods] impl T { #[getter] fn x(..) }`, and the `Drop` of `T` the dealloc glue runs.
    for (mac, ty, methods) in &finder.impls {
        for (i, f) in index.fns.iter().enumerate() {
            if f.self_ty.as_deref() != Some(ty.as_str()) {
                continue;
            }
            let marked = f.trait_name.is_none() && methods.contains(&f.name);
            let dropped = f.trait_name.as_deref() == Some("Drop");
            if marked || dropped {
                out.push((i, mac.clone(), format!("`#[{mac}]` on `impl {ty}`")));
            }
        }
    }
    // `export_module! { exec: e, state: S, .. }`: named functions, and the trait methods of named types.
    for (mac, idents) in &finder.invocations {
        for (i, f) in index.fns.iter().enumerate() {
            let named_fn = f.self_ty.is_none() && idents.contains(&f.name);
            let named_type = f.trait_name.is_some() && f.self_ty.as_ref().is_some_and(|t| idents.contains(t));
            if named_fn || named_type {
                out.push((i, mac.clone(), format!("`{mac}!`")));
            }
        }
    }
    out
}

/// Attributes that never generate code around a function.
fn is_builtin_attribute(name: &str) -> bool {
    matches!(
        name,
        "doc"
            | "inline"
            | "allow"
            | "warn"
            | "deny"
            | "expect"
            | "cfg"
            | "cfg_attr"
            | "test"
            | "must_use"
            | "no_mangle"
            | "unsafe"
            | "export_name"
            | "track_caller"
            | "cold"
            | "deprecated"
            | "rustfmt"
            | "clippy"
            | "target_feature"
            | "link_section"
    )
}

#[derive(Default)]
struct ItemFinder {
    /// `(attribute, self type, exposed methods)` of attributed inherent impls.
    impls: Vec<(String, String, HashSet<String>)>,
    /// `(macro, identifiers)` of item- or statement-position macro invocations.
    invocations: Vec<(String, HashSet<String>)>,
}

impl<'ast> Visit<'ast> for ItemFinder {
    fn visit_item_impl(&mut self, imp: &'ast syn::ItemImpl) {
        if imp.trait_.is_none() {
            if let syn::Type::Path(p) = &*imp.self_ty {
                let ty = crate::syntax::last_segment(&p.path).unwrap_or_default();
                for attr in &imp.attrs {
                    let Some(mac) = attr.path().segments.last().map(|s| s.ident.to_string()) else { continue };
                    if is_builtin_attribute(&mac) {
                        continue;
                    }
                    let methods = imp
                        .items
                        .iter()
                        .filter_map(|item| match item {
                            syn::ImplItem::Fn(f) => Some(f),
                            _ => None,
                        })
                        .filter(|f| {
                            f.attrs.iter().any(|a| {
                                a.path()
                                    .segments
                                    .last()
                                    .is_some_and(|s| METHOD_MARKERS.contains(&s.ident.to_string().as_str()))
                            })
                        })
                        .map(|f| f.sig.ident.to_string())
                        .collect();
                    self.impls.push((mac, ty.clone(), methods));
                }
            }
        }
        syn::visit::visit_item_impl(self, imp);
    }

    fn visit_item_macro(&mut self, m: &'ast syn::ItemMacro) {
        if m.ident.is_none() {
            self.invocation(&m.mac);
        }
    }

    fn visit_stmt_macro(&mut self, m: &'ast syn::StmtMacro) {
        self.invocation(&m.mac);
    }
}

impl ItemFinder {
    fn invocation(&mut self, mac: &syn::Macro) {
        fn idents(tokens: proc_macro2::TokenStream, out: &mut HashSet<String>) {
            for t in tokens {
                match t {
                    proc_macro2::TokenTree::Ident(id) => {
                        out.insert(id.to_string());
                    }
                    proc_macro2::TokenTree::Group(g) => idents(g.stream(), out),
                    _ => {}
                }
            }
        }
        let mut found = HashSet::new();
        idents(mac.tokens.clone(), &mut found);
        self.invocations.push((crate::syntax::macro_name(mac), found));
    }
}
