//! GT005: a blocking Rust lock held across a C-API call by a thread that
//! holds the thread state.
//!
//! The function holds the thread state when CPython calls it (a callback,
//! including the bodies macro-generated trampolines call) or when it takes a
//! thread-state token (`&ThreadState<'py>`, `Python<'py>`, `Bound<'py, _>`).
//! A lock is a zero-argument `.lock()` (or an `RwLock`'s `.read()`/`.write()`)
//! on a field or static whose declared type is a `std::sync`/parking_lot
//! `Mutex` or `RwLock`; `PyMutex` and critical sections detach while they
//! wait, and are not locks here. The guard is held to the end of its block
//! when bound by `let` (or up to `drop(guard)`), else to the end of the
//! statement. A C-API call under it is a call that can run Python code or
//! detach: a C-API function other than the few that cannot (increfs, type
//! checks, macro accessors), or a call handed the thread-state token.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::context::CrateContext;
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;
use crate::syntax;

pub(super) fn check(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    if !cx.files.iter().any(|f| f.text().contains("Mutex") || f.text().contains("RwLock")) {
        return;
    }
    let lock_names = lock_typed_names(cx.files);
    if lock_names.is_empty() {
        return;
    }
    let callbacks: HashSet<usize> = crate::panic::callback_indices(cx).into_iter().collect();
    for (i, f) in cx.index.fns.iter().enumerate() {
        if f.in_test {
            continue;
        }
        if !syntax::has_token_param(f.sig) && !callbacks.contains(&i) {
            continue;
        }
        let tokens = token_params(f.sig);
        let file = &cx.files[f.file];
        let mut finder =
            Finder { cx, file, lock_names: &lock_names, tokens: &tokens, locks: Vec::new(), calls: Vec::new() };
        finder.visit_block(f.block);
        report(file, &finder, out);
    }
}

/// Fields and statics declared with a blocking lock type, by name.
fn lock_typed_names(files: &[SourceFile]) -> HashMap<String, &'static str> {
    struct Names(HashMap<String, &'static str>);
    impl<'ast> Visit<'ast> for Names {
        fn visit_field(&mut self, f: &'ast syn::Field) {
            if let (Some(name), Some(kind)) = (&f.ident, lock_kind(&f.ty)) {
                self.0.insert(name.to_string(), kind);
            }
        }
        fn visit_item_static(&mut self, s: &'ast syn::ItemStatic) {
            if let Some(kind) = lock_kind(&s.ty) {
                self.0.insert(s.ident.to_string(), kind);
            }
        }
    }
    let mut names = Names(HashMap::new());
    for file in files.iter().filter(|f| f.text().contains("Mutex") || f.text().contains("RwLock")) {
        names.visit_file(&file.ast);
    }
    names.0
}

/// `Mutex` or `RwLock` when a type is (or wraps, as in `Arc<Mutex<T>>`) a blocking lock.
fn lock_kind(ty: &syn::Type) -> Option<&'static str> {
    let text = syntax::tokens_text(ty);
    if text.contains("PyMutex") || text.contains("CriticalSection") || text.contains("tokio") {
        return None;
    }
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric() && c != '_').collect();
    if words.contains(&"Mutex") || words.contains(&"ReentrantMutex") {
        Some("Mutex")
    } else if words.contains(&"RwLock") {
        Some("RwLock")
    } else {
        None
    }
}

/// Names of a function's thread-state token parameters (`ts: &ThreadState`, `py: Python`):
/// a call handed one is an interpreter operation.
fn token_params(sig: &syn::Signature) -> Vec<String> {
    fn is_token(ty: &syn::Type) -> bool {
        match ty {
            syn::Type::Reference(r) => is_token(&r.elem),
            syn::Type::Path(p) => syntax::last_segment(&p.path).is_some_and(|n| n == "ThreadState" || n == "Python"),
            _ => false,
        }
    }
    sig.inputs
        .iter()
        .filter_map(|input| match input {
            syn::FnArg::Typed(t) if is_token(&t.ty) => match &*t.pat {
                syn::Pat::Ident(p) => Some(p.ident.to_string()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// Token-taking methods that only borrow, convert or count: no Python code runs in them.
fn is_accessor(name: &str) -> bool {
    matches!(
        name,
        "bind"
            | "bind_borrowed"
            | "as_borrowed"
            | "as_ptr"
            | "as_any"
            | "into_any"
            | "into_ptr"
            | "into_bound"
            | "unbind"
            | "clone_ref"
            | "downcast"
            | "downcast_bound"
            | "cast"
            | "cast_bound"
            | "is"
            | "is_none"
            | "get_refcnt"
            | "version_info"
    )
}

/// A lock acquisition and how long its guard lives.
struct Lock {
    range: Range<usize>,
    /// What was locked (`self.inner`), for the message.
    what: String,
    /// Offsets the guard is held over.
    held: Range<usize>,
    /// Whether `held` is final (set by the innermost block that holds the lock).
    settled: bool,
}

struct Finder<'c, 'a, 'n> {
    cx: &'c CrateContext<'a>,
    file: &'a SourceFile,
    lock_names: &'n HashMap<String, &'static str>,
    tokens: &'n [String],
    locks: Vec<Lock>,
    /// Calls that can run Python code or detach: (range, name).
    calls: Vec<(Range<usize>, String)>,
}

impl Finder<'_, '_, '_> {
    /// `x.lock()` / `x.read()` / `x.write()` on a known lock: what was locked.
    fn lock_call(&self, m: &syn::ExprMethodCall) -> Option<String> {
        if !m.args.is_empty() {
            return None;
        }
        let method = m.method.to_string();
        let name = match &*m.receiver {
            syn::Expr::Field(f) => match &f.member {
                syn::Member::Named(id) => id.to_string(),
                syn::Member::Unnamed(_) => return None,
            },
            syn::Expr::Path(p) => syntax::last_segment(&p.path)?,
            _ => return None,
        };
        let kind = self.lock_names.get(&name)?;
        let fits = match *kind {
            "Mutex" => method == "lock",
            _ => method == "read" || method == "write",
        };
        fits.then(|| syntax::expr_text(&m.receiver))
    }

    /// Whether a call can run Python code or detach.
    fn runs_python(&self, name: &str, args: &[&syn::Expr], receiver: Option<&syn::Expr>) -> bool {
        let is_token = |e: &syn::Expr| {
            let e = match e {
                syn::Expr::Reference(r) => &*r.expr,
                other => other,
            };
            matches!(e, syn::Expr::Path(p) if p.path.get_ident().is_some_and(|id| self.tokens.iter().any(|t| id == t)))
        };
        if (args.iter().any(|a| is_token(a)) || receiver.is_some_and(is_token)) && !is_accessor(name) {
            return true;
        }
        self.cx.api().get(name).is_some_and(|api| api.needs_thread_state) && !cannot_run_code(name)
    }
}

/// C-API functions that neither allocate nor release: no Python code can run in them.
fn cannot_run_code(name: &str) -> bool {
    ["INCREF", "IncRef", "NewRef", "_Check", "GET_ITEM", "GET_SIZE", "_AS_", "SET_ITEM"]
        .iter()
        .any(|p| name.contains(p))
        || matches!(
            name,
            "Py_TYPE"
                | "Py_SIZE"
                | "Py_REFCNT"
                | "Py_Is"
                | "Py_IsNone"
                | "PyErr_Occurred"
                | "PyThreadState_Get"
                | "PyTuple_Size"
        )
}

impl<'ast> Visit<'ast> for Finder<'_, '_, '_> {
    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_block(&mut self, block: &'ast syn::Block) {
        let block_end = self.file.range(block.span()).end;
        for (k, stmt) in block.stmts.iter().enumerate() {
            let stmt_end = self.file.range(stmt.span()).end;
            let before = self.locks.len();
            self.visit_stmt(stmt);
            // A guard bound by `let` lives to the end of the block, or to `drop(guard)`;
            // a temporary one to the end of its statement. Inner blocks settled theirs.
            let named = match stmt {
                syn::Stmt::Local(local) if local.init.as_ref().is_some_and(|init| is_guard_expr(&init.expr)) => {
                    pattern_name(&local.pat)
                }
                _ => None,
            };
            for (j, lock) in self.locks.iter_mut().enumerate().skip(before) {
                if lock.settled {
                    continue;
                }
                lock.settled = true;
                lock.held.end = match &named {
                    Some(name) if j == before => block.stmts[k + 1..]
                        .iter()
                        .find(|s| drops(s, name))
                        .map_or(block_end, |s| self.file.range(s.span()).start),
                    _ => stmt_end,
                };
            }
        }
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        if let Some(what) = self.lock_call(m) {
            let range = self.file.range(m.method.span());
            self.locks.push(Lock { held: range.clone(), range, what, settled: false });
        }
        let args: Vec<&syn::Expr> = m.args.iter().collect();
        let name = m.method.to_string();
        if self.runs_python(&name, &args, Some(&m.receiver)) {
            self.calls.push((self.file.range(m.span()), format!(".{name}(..)")));
        }
        syn::visit::visit_expr_method_call(self, m);
    }

    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        if let Some(name) = syntax::call_name(c) {
            let args: Vec<&syn::Expr> = c.args.iter().collect();
            if self.runs_python(&name, &args, None) {
                self.calls.push((self.file.range(c.span()), syntax::expr_text(&c.func)));
            }
        }
        syn::visit::visit_expr_call(self, c);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        for e in syntax::macro_exprs(mac).unwrap_or_default() {
            self.visit_expr(&e);
        }
    }
}

/// `m.lock()`, `m.lock().unwrap()`, `m.lock().expect(..)`, `m.lock().map_err(..)?`: the guard itself.
fn is_guard_expr(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::MethodCall(m)
            if m.args.is_empty() && matches!(m.method.to_string().as_str(), "lock" | "read" | "write") =>
        {
            true
        }
        syn::Expr::MethodCall(m)
            if matches!(m.method.to_string().as_str(), "unwrap" | "expect" | "unwrap_or_else" | "ok" | "map_err") =>
        {
            is_guard_expr(&m.receiver)
        }
        syn::Expr::Try(t) => is_guard_expr(&t.expr),
        syn::Expr::Paren(p) => is_guard_expr(&p.expr),
        _ => false,
    }
}

fn pattern_name(pat: &syn::Pat) -> Option<String> {
    match pat {
        syn::Pat::Ident(p) => Some(p.ident.to_string()),
        syn::Pat::Type(t) => pattern_name(&t.pat),
        _ => None,
    }
}

/// `drop(name);`
fn drops(stmt: &syn::Stmt, name: &str) -> bool {
    let syn::Stmt::Expr(syn::Expr::Call(c), _) = stmt else { return false };
    syntax::call_name(c).is_some_and(|n| n == "drop")
        && c.args.iter().any(|a| matches!(a, syn::Expr::Path(p) if p.path.is_ident(name)))
}

fn report(file: &SourceFile, finder: &Finder<'_, '_, '_>, out: &mut Vec<Diagnostic>) {
    for lock in &finder.locks {
        // Under the guard: a call after the lock while it is held, or one whose arguments take it.
        let under = finder.calls.iter().find(|(range, _)| {
            let after = range.start > lock.range.end && range.start < lock.held.end;
            let encloses = range.start <= lock.range.start && range.end >= lock.range.end && range.end <= lock.held.end;
            after || encloses
        });
        let Some((call, name)) = under else { continue };
        out.push(
            Diagnostic::new(
                "GT005",
                file.path(),
                lock.range.clone(),
                format!("`{}` is locked while attached and held across `{name}`, which can run Python code", lock.what),
            )
            .with_primary_label("a blocking lock taken with the thread state attached")
            .with_label(file.path(), call.clone(), "can run Python code (or detach) while the lock is held")
            .with_note(
                "another thread that holds the thread state can block on this lock while this thread, inside the \
                 call, waits for the thread state (or the GIL) it holds: a deadlock; on a free-threaded build a \
                 stop-the-world pause waits for this thread too",
            )
            .with_help(
                "use a `PyMutex` or a critical section (`PyCriticalSection_Begin`), which detach while they wait, \
                 or release the guard before the call; if the lock must be awaited, detach while waiting (PyO3's \
                 `lock_py_attached` is prior art)",
            ),
        );
    }
}
