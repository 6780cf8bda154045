//! Unwinding: UW001 callbacks declared with an unwinding ABI, UW002 misused
//! `catch_unwind` results in callbacks, UW003 `panic = "abort"` profiles in a
//! crate that relies on `catch_unwind`, UW004 `Drop` impls that call the C API
//! without making sure a thread state is attached, UW005 macros that generate
//! `extern "C"` trampolines with no panic boundary ([`boundary`]).
//!
//! UW004's "makes sure" is a conservative, syntactic heuristic: before the
//! call, in the same `drop` body (or in the helper that makes the call), there
//! is a call whose name mentions the GIL (`PyGILState_Ensure`,
//! `PyGILState_Check`, `with_gil`, `GILGuard::acquire`, `ensure_gil`), mentions
//! attaching (`Python::attach`, `attach_thread`), or is
//! `PyEval_RestoreThread`/`PyEval_AcquireThread`. Anything that looks like a
//! guard silences the rule.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::callgraph::{self, CallGraph};
use crate::context::CrateContext;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::panic::{callback_indices, method_call, CaughtUse, Panics, SiteKind};
use crate::registry::Rule;
use crate::source::SourceFile;
use crate::syntax;

pub const RULES: &[Rule] = &[
    declare_rule!(
        "UW001",
        "c-unwind-callback",
        Unwind,
        Error,
        "A callback is declared `extern \"C-unwind\"`: CPython's C frames cannot be unwound"
    ),
    declare_rule!(
        "UW002",
        "catch-unwind-misuse",
        Unwind,
        Error,
        "A callback discards, unwraps or re-raises the result of `catch_unwind`"
    ),
    declare_rule!(
        "UW003",
        "abort-strategy-conflict",
        Unwind,
        Warning,
        "A profile sets `panic = \"abort\"` while the crate relies on `catch_unwind`"
    ),
    declare_rule!(
        "UW004",
        "drop-touches-python",
        Unwind,
        Warning,
        "A `Drop` impl calls the C API without making sure a thread state is attached"
    ),
    declare_rule!(
        "UW005",
        "trampoline-without-boundary",
        Unwind,
        Error,
        "A macro generates an `extern \"C\"` function that calls its user's code with no `catch_unwind`"
    ),
];

mod boundary;

pub fn check(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    if cx.enabled("UW001") {
        check_unwinding_abi(cx, out);
    }
    if cx.enabled("UW005") {
        boundary::check(cx, out);
    }
    let mentions = |word: &str| cx.files.iter().any(|f| f.text().contains(word));
    if cx.enabled("UW003") && mentions("catch_unwind") {
        check_abort_profiles(cx, out);
    }
    // The call graph only when a rule can use it: callbacks that catch, or
    // `Drop` impls in a crate that mentions the C API at all.
    let uw002 = cx.enabled("UW002")
        && (mentions("catch_unwind") || mentions("resume_unwind"))
        && !callback_indices(cx).is_empty();
    let uw004 = cx.enabled("UW004") && has_drop_impl(cx) && mentions("Py");
    if !uw002 && !uw004 {
        return;
    }
    let graph = &CallGraph::build(cx.files, cx.index);
    if uw002 {
        let panics = Panics::new(cx, graph);
        for cb in callback_indices(cx) {
            check_caught(&panics, cb, out);
        }
    }
    if uw004 {
        check_drops(cx, graph, out);
    }
}

// ---------------------------------------------------------------- UW001

fn check_unwinding_abi(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    for cb in callback_indices(cx) {
        let f = &cx.index.fns[cb];
        let Some(abi) = syntax::extern_abi(f.sig) else { continue };
        if !abi.ends_with("-unwind") {
            continue;
        }
        let Some(abi_node) = &f.sig.abi else { continue };
        let file = &cx.files[f.file];
        let range = file.range(abi_node.span());
        let plain = abi.trim_end_matches("-unwind");
        // Unsafe: a panic now aborts at the boundary, and casts that name the old ABI stop compiling.
        let fix = Fix::unsafe_edits(
            format!("Declare it `extern \"{plain}\"`"),
            vec![Edit::replace(range.clone(), format!("extern \"{plain}\""))],
        );
        out.push(
            Diagnostic::new(
                "UW001",
                file.path(),
                range,
                format!("callback `{}` is declared `extern \"{abi}\"`", f.name),
            )
            .with_primary_label("a panic would unwind into CPython's C frames")
            .with_note(
                "CPython is C compiled without unwind tables in mind: unwinding through its frames skips its \
                 cleanup and corrupts interpreter state",
            )
            .with_help(format!(
                "declare it `extern \"{plain}\"` and turn panics into Python exceptions with `std::panic::catch_unwind`"
            ))
            .with_fix(fix),
        );
    }
}

// ---------------------------------------------------------------- UW002

const UW002_HELP: &str = "match on the result: on `Err`, set a Python exception (`PyErr_SetString`) and return the \
                          callback's error value";

fn check_caught(panics: &Panics<'_, '_>, cb: usize, out: &mut Vec<Diagnostic>) {
    let file = panics.file(cb);
    let name = &panics.graph.fns()[cb].name;
    let scan = panics.scan(cb);
    for caught in &scan.caught {
        let d = match &caught.usage {
            CaughtUse::Handled => continue,
            CaughtUse::Discarded => Diagnostic::new(
                "UW002",
                file.path(),
                caught.range.clone(),
                format!("result of `catch_unwind` discarded in callback `{name}`"),
            )
            .with_primary_label("a caught panic is swallowed and no exception is set"),
            CaughtUse::Unwrapped(method, at) => Diagnostic::new(
                "UW002",
                file.path(),
                caught.range.clone(),
                format!("result of `catch_unwind` passed to `{}` in callback `{name}`", method_call(method)),
            )
            .with_primary_label("the panic is caught here")
            .with_label(file.path(), at.clone(), "and raised again here, across the C boundary"),
        };
        out.push(d.with_help(UW002_HELP));
    }
    for site in scan.sites.iter().filter(|s| s.kind == SiteKind::ResumeUnwind) {
        out.push(
            Diagnostic::new(
                "UW002",
                file.path(),
                site.range.clone(),
                format!("`resume_unwind` re-raises a caught panic in callback `{name}`"),
            )
            .with_primary_label("unwinds into CPython's C frames, which aborts the process")
            .with_help(UW002_HELP),
        );
    }
}

// ---------------------------------------------------------------- UW003

fn check_abort_profiles(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some((use_file, use_range)) = first_catch_unwind(cx) else { return };
    let Some(manifest) = package_manifest(cx) else { return };
    if let Some(text) = cx.load_text(&manifest) {
        for (profile, range) in abort_profiles(&text.text) {
            out.push(
                abort_profile_finding(&text.path, range, &profile, "the crate relies on `catch_unwind`").with_label(
                    cx.files[use_file].path(),
                    use_range.clone(),
                    "panics are expected to be caught here",
                ),
            );
        }
    }
    // The workspace root's profiles, reported the same way by every member that
    // relies on `catch_unwind`, so the identical findings collapse into one.
    let Some(root) = workspace_root(&manifest) else { return };
    if crate::settings::absolute(&root) == crate::settings::absolute(&manifest) {
        return;
    }
    if let Some(text) = cx.load_text(&root) {
        for (profile, range) in abort_profiles(&text.text) {
            out.push(abort_profile_finding(&text.path, range, &profile, "a workspace member relies on `catch_unwind`"));
        }
    }
}

fn abort_profile_finding(path: &Arc<Path>, range: Range<usize>, profile: &str, why: &str) -> Diagnostic {
    Diagnostic::new("UW003", path, range, format!("profile `{profile}` sets `panic = \"abort\"` but {why}"))
        .with_primary_label("with this, panics abort and `catch_unwind` catches nothing")
        .with_note(
            "under `panic = \"abort\"` a panic kills the interpreter on the spot instead of becoming a Python exception",
        )
        .with_help("remove `panic = \"abort\"` from this profile (the default `unwind` is what `catch_unwind` needs)")
}

/// The first `catch_unwind` call outside test code: (file index, callee range).
fn first_catch_unwind(cx: &CrateContext<'_>) -> Option<(usize, Range<usize>)> {
    struct Finder<'f> {
        file: &'f SourceFile,
        found: Option<Range<usize>>,
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_item(&mut self, _: &'ast syn::Item) {}
        fn visit_stmt(&mut self, s: &'ast syn::Stmt) {
            if !callgraph::stmt_is_cfg_test(s) {
                syn::visit::visit_stmt(self, s);
            }
        }
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            if self.found.is_none() && syntax::call_name(call).is_some_and(|n| n == "catch_unwind") {
                self.found = Some(crate::callgraph::expr_range(self.file, &call.func));
            }
            syn::visit::visit_expr_call(self, call);
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            for e in syntax::macro_exprs(mac).unwrap_or_default() {
                self.visit_expr(&e);
            }
        }
    }
    let in_fn =
        cx.index.fns.iter().filter(|f| !f.in_test && cx.files[f.file].text().contains("catch_unwind")).find_map(|f| {
            let mut finder = Finder { file: &cx.files[f.file], found: None };
            finder.visit_block(f.block);
            finder.found.map(|r| (f.file, r))
        });
    in_fn.or_else(|| guard_macro_definition(cx))
}

/// A `macro_rules!` that wraps its input in `catch_unwind` (its name's range).
fn guard_macro_definition(cx: &CrateContext<'_>) -> Option<(usize, Range<usize>)> {
    cx.files.iter().enumerate().filter(|(_, f)| f.text().contains("catch_unwind")).find_map(|(i, file)| {
        file.ast.items.iter().find_map(|item| match item {
            syn::Item::Macro(m) if m.mac.path.is_ident("macro_rules") && !syntax::is_cfg_test(&m.attrs) => {
                let guards = syntax::tokens_mention(&m.mac.tokens, |id| id == "catch_unwind");
                m.ident.as_ref().filter(|_| guards).map(|id| (i, file.range(id.span())))
            }
            _ => None,
        })
    })
}

/// The crate's `Cargo.toml`: the nearest above its root file, keeping the path
/// as the user gave it (relative stays relative).
fn package_manifest(cx: &CrateContext<'_>) -> Option<PathBuf> {
    let root = cx.files.first()?.path();
    root.ancestors()
        .skip(1)
        .map(|dir| if dir.as_os_str().is_empty() { PathBuf::from("Cargo.toml") } else { dir.join("Cargo.toml") })
        .find(|p| p.is_file())
        .or_else(|| cx.manifest_path())
}

/// The workspace root manifest that has `manifest` as a member (or is it).
fn workspace_root(manifest: &Path) -> Option<PathBuf> {
    let package_dir = crate::settings::absolute(manifest.parent()?);
    let start = manifest.parent()?;
    let relative_dirs = start.ancestors().map(Path::to_path_buf);
    let absolute_dirs = crate::settings::absolute(start).ancestors().map(Path::to_path_buf).collect::<Vec<_>>();
    // Walk the path as given first (to keep it relative), then what lies above it.
    let mut dirs: Vec<PathBuf> = relative_dirs.collect();
    let covered = dirs.len();
    dirs.extend(absolute_dirs.into_iter().skip(covered));
    for dir in dirs {
        let candidate = if dir.as_os_str().is_empty() { PathBuf::from("Cargo.toml") } else { dir.join("Cargo.toml") };
        let Ok(text) = std::fs::read_to_string(&candidate) else { continue };
        let Ok(table) = text.parse::<toml::Table>() else { continue };
        let Some(ws) = table.get("workspace").and_then(|w| w.as_table()) else { continue };
        let ws_dir = crate::settings::absolute(&dir);
        return is_member(ws, &ws_dir, &package_dir).then_some(candidate);
    }
    None
}

/// Whether `package_dir` belongs to the workspace at `ws_dir` (its root package or a `members` glob).
fn is_member(ws: &toml::Table, ws_dir: &Path, package_dir: &Path) -> bool {
    if ws_dir == package_dir {
        return true;
    }
    let Ok(rel) = package_dir.strip_prefix(ws_dir) else { return false };
    let globs = |key: &str| -> Vec<globset::GlobMatcher> {
        ws.get(key)
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
            .filter_map(|s| globset::Glob::new(s.trim_end_matches('/')).ok())
            .map(|g| g.compile_matcher())
            .collect()
    };
    let member = globs("members").iter().any(|g| g.is_match(rel));
    member && !globs("exclude").iter().any(|g| g.is_match(rel))
}

/// The `panic = "abort"` settings of a Cargo.toml's profiles: (profile name, byte range of the setting).
fn abort_profiles(text: &str) -> Vec<(String, Range<usize>)> {
    let Ok(table) = text.parse::<toml::Table>() else { return Vec::new() };
    let Some(profiles) = table.get("profile").and_then(|p| p.as_table()) else { return Vec::new() };
    let aborting: Vec<&String> = profiles
        .iter()
        .filter(|(_, p)| p.get("panic").and_then(|v| v.as_str()) == Some("abort"))
        .map(|(name, _)| name)
        .collect();
    if aborting.is_empty() {
        return Vec::new();
    }
    let lines = toml_lines(text);
    aborting
        .into_iter()
        .map(|name| {
            let range = lines.iter().find_map(|l| l.panic_setting_of(name)).unwrap_or(0..0);
            (name.clone(), range)
        })
        .collect()
}

/// One `key = value` line of a TOML file, with the table header it sits under.
struct TomlLine<'t> {
    header: String,
    key: String,
    value: &'t str,
    /// Byte offset of `value` in the file.
    value_at: usize,
    /// Byte range of `key = value` in the file.
    range: Range<usize>,
}

impl TomlLine<'_> {
    /// This line's range, if it sets `panic = "abort"` for profile `name`.
    fn panic_setting_of(&self, name: &str) -> Option<Range<usize>> {
        let full = if self.header.is_empty() { self.key.clone() } else { format!("{}.{}", self.header, self.key) };
        let full: String = full.chars().filter(|c| !c.is_whitespace() && *c != '"' && *c != '\'').collect();
        let target = format!("profile.{name}");
        if full == format!("{target}.panic") && self.value.contains("abort") {
            return Some(self.range.clone());
        }
        // `release = { panic = "abort" }` under `[profile]`, or `profile.release = { .. }`.
        if full == target && self.value.starts_with('{') {
            let start = self.value.find("panic")?;
            let end = start + self.value[start..].find("abort")? + "abort".len();
            let end = if self.value[end..].starts_with(['"', '\'']) { end + 1 } else { end };
            return Some(self.value_at + start..self.value_at + end);
        }
        None
    }
}

fn toml_lines(text: &str) -> Vec<TomlLine<'_>> {
    let mut out = Vec::new();
    let mut header = String::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let content = strip_toml_comment(raw.trim_end_matches(['\n', '\r']));
        let body = content.trim_end();
        let indent = body.len() - body.trim_start().len();
        let trimmed = &body[indent..];
        if trimmed.starts_with('[') {
            header = trimmed.trim_matches(|c| c == '[' || c == ']').trim().to_string();
            continue;
        }
        let Some(eq) = trimmed.find('=') else { continue };
        let after = &trimmed[eq + 1..];
        let value = after.trim_start();
        let value_at = line_start + indent + eq + 1 + (after.len() - value.len());
        out.push(TomlLine {
            header: header.clone(),
            key: trimmed[..eq].trim().to_string(),
            value,
            value_at,
            range: line_start + indent..line_start + body.len(),
        });
    }
    out
}

/// A TOML line without its `# comment` (outside strings).
fn strip_toml_comment(line: &str) -> &str {
    let mut in_string: Option<char> = None;
    for (i, c) in line.char_indices() {
        match (in_string, c) {
            (None, '"' | '\'') => in_string = Some(c),
            (Some(q), _) if c == q => in_string = None,
            (None, '#') => return &line[..i],
            _ => {}
        }
    }
    line
}

// ---------------------------------------------------------------- UW004

fn has_drop_impl(cx: &CrateContext<'_>) -> bool {
    cx.index.fns.iter().any(is_drop)
}

fn is_drop(f: &crate::index::FnItem<'_>) -> bool {
    !f.in_test && f.name == "drop" && f.trait_name.as_deref() == Some("Drop")
}

/// Whether a called name looks like it attaches a thread state (see the module docs).
fn is_thread_state_guard(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let releases = ["release", "without", "unlock", "save", "detach", "allow"].iter().any(|w| lower.contains(w));
    (!releases && (lower.contains("gil") || lower.contains("attach")))
        || matches!(name, "PyEval_RestoreThread" | "PyEval_AcquireThread" | "PyThreadState_Swap")
}

/// The thread-state functions themselves (`PyGILState_Release` in a guard's
/// own `Drop`), which are how a thread state gets attached, not uses of one.
fn manages_thread_state(name: &str) -> bool {
    ["PyGILState_", "PyEval_", "PyThreadState_", "PyInterpreterState_"].iter().any(|p| name.starts_with(p))
        || matches!(name, "Py_IsInitialized" | "Py_IsFinalizing")
}

/// A C-API call made before any guard, in one function body.
#[derive(Debug, Clone)]
struct Touch {
    /// The called C-API function (through helpers: the one at the end of the chain).
    api: String,
    range: Range<usize>,
    /// Crate helpers between the body and the C-API call.
    via: Vec<String>,
}

struct DropChecker<'c, 'g, 'a> {
    cx: &'c CrateContext<'a>,
    graph: &'g CallGraph<'a>,
    /// Memoised "calls the C API unguarded": `None` while being computed (cycles count as no).
    touches: RefCell<HashMap<usize, Option<Touch>>>,
}

impl DropChecker<'_, '_, '_> {
    /// Whether crate function `f` calls a thread-state guard anywhere (an `ensure()` helper).
    fn attaches(&self, f: usize) -> bool {
        struct Guards(bool);
        impl<'ast> Visit<'ast> for Guards {
            fn visit_item(&mut self, _: &'ast syn::Item) {}
            fn visit_path(&mut self, p: &'ast syn::Path) {
                self.0 |= p.segments.iter().any(|s| is_thread_state_guard(&s.ident.to_string()));
            }
            fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
                self.0 |= is_thread_state_guard(&m.method.to_string());
                syn::visit::visit_expr_method_call(self, m);
            }
        }
        let mut guards = Guards(false);
        guards.visit_block(self.graph.fns()[f].block);
        guards.0
    }

    /// The first C-API call `f` makes (itself or through crate helpers) before any thread-state guard.
    fn first_touch(&self, f: usize) -> Option<Touch> {
        if let Some(known) = self.touches.borrow().get(&f) {
            return known.clone();
        }
        self.touches.borrow_mut().insert(f, None);
        let item = &self.graph.fns()[f];
        // A token parameter proves its caller had an attached thread state.
        if syntax::has_token_param(item.sig) {
            return None;
        }
        let file = self.graph.file_of(f);
        let mut walker = TouchWalker { checker: self, f, file, guarded: false, found: None };
        walker.visit_block(item.block);
        let found = walker.found;
        self.touches.borrow_mut().insert(f, found.clone());
        found
    }
}

struct TouchWalker<'d, 'c, 'g, 'a> {
    checker: &'d DropChecker<'c, 'g, 'a>,
    f: usize,
    file: &'a SourceFile,
    /// A guard was seen: everything after it is fine.
    guarded: bool,
    found: Option<Touch>,
}

impl TouchWalker<'_, '_, '_, '_> {
    fn done(&self) -> bool {
        self.guarded || self.found.is_some()
    }

    fn guard(&mut self) {
        if self.found.is_none() {
            self.guarded = true;
        }
    }

    /// A call of `name` written at `range` (the callee's path or method name).
    fn called(&mut self, name: &str, range: Range<usize>) {
        if self.done() {
            return;
        }
        if !manages_thread_state(name) && self.checker.cx.api().get(name).is_some_and(|api| api.needs_thread_state) {
            self.found = Some(Touch { api: name.to_string(), range, via: Vec::new() });
            return;
        }
        if let Some(site) = self.checker.graph.call_at(self.f, range.start) {
            if self.checker.attaches(site.callee) {
                self.guarded = true;
                return;
            }
            if let Some(inner) = self.checker.first_touch(site.callee) {
                let mut via = vec![self.checker.graph.display_name(site.callee)];
                via.extend(inner.via);
                self.found = Some(Touch { api: inner.api, range, via });
            }
        }
    }
}

impl<'ast> Visit<'ast> for TouchWalker<'_, '_, '_, '_> {
    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_stmt(&mut self, s: &'ast syn::Stmt) {
        if !self.done() && !callgraph::stmt_is_cfg_test(s) {
            syn::visit::visit_stmt(self, s);
        }
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        let syn::Expr::Path(p) = &*call.func else {
            syn::visit::visit_expr_call(self, call);
            return;
        };
        // A guard covers its own arguments (`with_gil(|py| ..)`); other calls run their arguments first.
        if p.path.segments.iter().any(|s| is_thread_state_guard(&s.ident.to_string())) {
            self.guard();
            return;
        }
        for arg in &call.args {
            self.visit_expr(arg);
        }
        if let Some(last) = syntax::last_segment(&p.path) {
            self.called(&last, crate::callgraph::path_range(self.file, &p.path));
        }
    }

    fn visit_expr_if(&mut self, e: &'ast syn::ExprIf) {
        // `if !PyThreadState_GetUnchecked().is_null() { Py_DecRef(..) }`: the branch that
        // runs with a thread state attached is fine; the other is read as usual.
        match syntax::thread_state_test(&e.cond) {
            Some(true) => {
                if let Some((_, other)) = &e.else_branch {
                    self.visit_expr(other);
                }
            }
            Some(false) => {
                self.visit_block(&e.then_branch);
                if block_diverges(&e.then_branch) {
                    self.guard();
                }
            }
            None => syn::visit::visit_expr_if(self, e),
        }
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        self.visit_expr(&m.receiver);
        if is_thread_state_guard(&m.method.to_string()) {
            self.guard();
            return;
        }
        for arg in &m.args {
            self.visit_expr(arg);
        }
        self.called(&m.method.to_string(), self.file.range(m.method.span()));
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if is_thread_state_guard(&syntax::macro_name(mac)) {
            self.guard();
            return;
        }
        for e in syntax::macro_exprs(mac).unwrap_or_default() {
            self.visit_expr(&e);
        }
    }
}

/// Whether a block ends by leaving the function (`return`, `panic!`-free early exit).
fn block_diverges(block: &syn::Block) -> bool {
    matches!(block.stmts.last(), Some(syn::Stmt::Expr(syn::Expr::Return(_), _)))
}

/// Whether crate function `f` calls the C API (itself or through crate
/// helpers) without a thread state known to be attached: no guard, no token
/// parameter, no thread-state test around the call.
pub(crate) fn touches_unattached<'a>(cx: &CrateContext<'a>, graph: &CallGraph<'a>, f: usize) -> bool {
    let checker = DropChecker { cx, graph, touches: RefCell::new(HashMap::new()) };
    checker.first_touch(f).is_some()
}

fn check_drops<'a>(cx: &CrateContext<'a>, graph: &CallGraph<'a>, out: &mut Vec<Diagnostic>) {
    let checker = DropChecker { cx, graph, touches: RefCell::new(HashMap::new()) };
    for (i, f) in cx.index.fns.iter().enumerate().filter(|(_, f)| is_drop(f)) {
        let Some(touch) = checker.first_touch(i) else { continue };
        let file = &cx.files[f.file];
        let ty = f.self_ty.as_deref().unwrap_or("?");
        let (message, label) = match touch.via.first() {
            None => (
                format!("`Drop` for `{ty}` calls `{}` without making sure a thread state is attached", touch.api),
                "needs an attached thread state",
            ),
            Some(helper) => (
                format!(
                    "`Drop` for `{ty}` calls `{helper}`, which calls `{}` without making sure a thread state is attached",
                    touch.api
                ),
                "reaches the C API",
            ),
        };
        let mut d = Diagnostic::new("UW004", file.path(), touch.range, message)
            .with_primary_label(label)
            .with_note(
                "Rust runs `drop` wherever a value goes out of scope: on a thread that never attached, after \
                 `PyEval_SaveThread()`, or during interpreter finalization",
            )
            .with_help(
                "call `PyGILState_Ensure()` before touching Python objects in `drop` (and `PyGILState_Release()` \
                 after), or release them where a thread state is known to be attached",
            );
        if touch.via.len() > 1 {
            d = d.with_note(format!(
                "call chain: `drop` -> {}",
                touch.via.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(" -> ")
            ));
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::abort_profiles;

    fn settings(text: &str) -> Vec<(String, String)> {
        abort_profiles(text).into_iter().map(|(p, r)| (p, text[r].to_string())).collect()
    }

    #[test]
    fn finds_every_spelling_of_panic_abort() {
        let text = "[package]\nname = \"x\"\n\n[profile.release]\nlto = true\npanic = \"abort\" # small\n";
        assert_eq!(settings(text), vec![("release".into(), "panic = \"abort\"".into())]);
        let text = "profile.dev.panic = 'abort'\n";
        assert_eq!(settings(text), vec![("dev".into(), "profile.dev.panic = 'abort'".into())]);
        let text = "[profile]\nbench = { opt-level = 3, panic = \"abort\" }\n";
        assert_eq!(settings(text), vec![("bench".into(), "panic = \"abort\"".into())]);
        let text = "[profile.\"release\"]\n  \"panic\" = \"abort\"\n";
        assert_eq!(settings(text), vec![("release".into(), "\"panic\" = \"abort\"".into())]);
    }

    #[test]
    fn ignores_unwind_and_other_tables() {
        assert!(settings("[profile.release]\npanic = \"unwind\"\n").is_empty());
        assert!(settings("[package.metadata]\npanic = \"abort\"\n").is_empty());
        assert!(settings("not toml [").is_empty());
    }
}
