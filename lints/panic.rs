//! Panics across FFI: PF001 panicking constructs in a callback, PF002 calls
//! from a callback to crate functions that can panic (over the call graph).
//!
//! A panic cannot unwind out of an `extern "C"` function: since Rust 1.81 it
//! aborts the process there, taking the interpreter with it; before, it was
//! undefined behaviour. Code under `std::panic::catch_unwind`, or under a
//! crate trampoline (a function that runs its closure argument under
//! `catch_unwind`), is guarded.
//!
//! `debug_assert!` and kin do not count: they are Rust's `assert()`, which
//! CPython's own C callbacks use by design to stop a debug build on a broken
//! invariant, and release builds compile them out. Integer `/` and `%` count only when
//! the operands are known to be integers and the divisor is neither a
//! constant nor compared with zero before; indexing does not count after a
//! length check of the same expression. Both choose silence when unsure.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::callgraph::{self, CallGraph, CallKind, CallSite, Ty};
use crate::context::CrateContext;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::index::FnItem;
use crate::registry::Rule;
use crate::source::SourceFile;
use crate::syntax;

pub const RULES: &[Rule] = &[
    declare_rule!(
        "PF001",
        "panic-in-callback",
        Panic,
        Error,
        "A callback contains a construct that can panic outside `catch_unwind`"
    ),
    declare_rule!(
        "PF002",
        "panic-reachable",
        Panic,
        Error,
        "A callback calls a crate function that can panic, outside `catch_unwind`"
    ),
];

/// Why a panic cannot leave a callback.
const BOUNDARY_NOTE: &str = "a panic cannot unwind out of an `extern \"C\"` function: since Rust 1.81 it aborts the \
                             process at the boundary, taking the interpreter with it";

pub fn check(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    let callbacks = callback_indices(cx);
    if callbacks.is_empty() {
        return;
    }
    let graph = CallGraph::build(cx.files, cx.index);
    let panics = Panics::new(cx, &graph);
    if cx.enabled("PF001") {
        for &cb in &callbacks {
            report_direct(&panics, cb, out);
        }
    }
    if cx.enabled("PF002") {
        let witness = panics.witnesses(&callbacks);
        for &cb in &callbacks {
            report_reachable(&panics, &witness, cb, out);
        }
    }
}

/// The functions CPython calls: registered or exported callbacks with a C ABI,
/// and the bodies macro-generated trampolines call without catching panics,
/// outside test code.
pub(crate) fn callback_indices(cx: &CrateContext<'_>) -> Vec<usize> {
    let mut out: Vec<usize> =
        cx.index.fns.iter().enumerate().filter(|(_, f)| is_callback(cx, f)).map(|(i, _)| i).collect();
    out.extend(cx.macro_callbacks().iter().map(|m| m.fn_index));
    out.sort_unstable();
    out.dedup();
    out
}

pub(crate) fn is_callback(cx: &CrateContext<'_>, f: &FnItem<'_>) -> bool {
    !f.in_test && syntax::extern_abi(f.sig).is_some_and(|abi| abi != "Rust") && cx.index.callbacks.is_callback(&f.name)
}

/// A panicking construct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SiteKind {
    /// `panic!`, `todo!`, `unimplemented!`, `unreachable!`, `std::panic::panic_any(..)`.
    Always(String),
    /// `assert!`, `assert_eq!`, `assert_ne!`.
    Assert(String),
    /// `.unwrap()`, `.expect(..)`, `.unwrap_err()`, `.expect_err(..)`.
    Unwrap(String),
    Index,
    Division,
    Remainder,
    /// `RefCell::borrow`/`borrow_mut` (or a thread-local's `with_borrow[_mut]`).
    Borrow(String),
    /// Integer `+ - * <<` (only with `[panic] overflow = true`).
    Overflow,
    /// `resume_unwind(..)`: UW002 in a callback.
    ResumeUnwind,
    /// A `catch_unwind` result unwrapped: UW002 in a callback.
    UnwrapCaught(String),
}

impl SiteKind {
    /// Whether UW002 owns this construct when it sits in a callback.
    fn is_unwind_misuse(&self) -> bool {
        matches!(self, SiteKind::ResumeUnwind | SiteKind::UnwrapCaught(_))
    }
}

/// One panicking construct in a body.
#[derive(Debug, Clone)]
pub(crate) struct Site {
    pub kind: SiteKind,
    pub range: Range<usize>,
    /// The construct as written, shortened (`args[1]`, `total / n`).
    pub text: String,
}

impl Site {
    /// How the construct is named in messages and chains.
    fn what(&self) -> String {
        match &self.kind {
            SiteKind::Always(name) | SiteKind::Assert(name) => format!("`{name}`"),
            SiteKind::Unwrap(name) | SiteKind::UnwrapCaught(name) | SiteKind::Borrow(name) => {
                format!("`{}`", method_call(name))
            }
            SiteKind::ResumeUnwind => "`resume_unwind(..)`".into(),
            SiteKind::Index | SiteKind::Division | SiteKind::Remainder | SiteKind::Overflow => {
                format!("`{}`", self.text)
            }
        }
    }
}

/// How a callback uses `catch_unwind`'s result, for UW002.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CaughtUse {
    /// `let _ = catch_unwind(..);`, `catch_unwind(..);`, `catch_unwind(..).ok();`.
    Discarded,
    /// `.unwrap()`/`.expect(..)` on it, directly or through a binding (the method's range).
    Unwrapped(String, Range<usize>),
    Handled,
}

/// A `catch_unwind` call.
#[derive(Debug, Clone)]
pub(crate) struct Caught {
    /// The callee path (`std::panic::catch_unwind`).
    pub range: Range<usize>,
    pub usage: CaughtUse,
}

/// What one function body does, outside its guarded regions.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub sites: Vec<Site>,
    /// Resolved calls made outside `catch_unwind`.
    pub calls: Vec<CallSite>,
    pub caught: Vec<Caught>,
}

/// Panic facts of one crate: trampolines and per-function scans, computed on demand.
pub(crate) struct Panics<'g, 'a> {
    pub graph: &'g CallGraph<'a>,
    files: &'a [SourceFile],
    /// Trampoline -> indexes (in `sig.inputs`) of the closure parameters it runs under `catch_unwind`.
    trampolines: HashMap<usize, Vec<usize>>,
    callbacks: HashSet<usize>,
    /// Callbacks that are bodies of macro-generated trampolines: why, for a note.
    macro_notes: HashMap<usize, String>,
    /// The crate's `macro_rules!` that wrap their input in `catch_unwind`.
    guard_macros: HashSet<String>,
    overflow: bool,
    scans: Vec<OnceCell<Scan>>,
}

impl<'g, 'a> Panics<'g, 'a> {
    pub fn new(cx: &CrateContext<'a>, graph: &'g CallGraph<'a>) -> Self {
        Panics {
            graph,
            files: cx.files,
            trampolines: find_trampolines(graph),
            callbacks: callback_indices(cx).into_iter().collect(),
            macro_notes: cx
                .macro_callbacks()
                .iter()
                .map(|m| {
                    let name = &cx.index.fns[m.fn_index].name;
                    let note = format!(
                        "`{name}` is called by the `extern \"C\"` trampoline that {} generates, which does not catch \
                         panics (read from {})",
                        m.via, m.source
                    );
                    (m.fn_index, note)
                })
                .collect(),
            guard_macros: guard_macros(cx.files),
            overflow: cx.settings.panic_overflow,
            scans: (0..cx.index.fns.len()).map(|_| OnceCell::new()).collect(),
        }
    }

    pub fn file(&self, f: usize) -> &'a SourceFile {
        &self.files[self.graph.fns()[f].file]
    }

    /// The scan of function `f`, computed once.
    pub fn scan(&self, f: usize) -> &Scan {
        self.scans[f].get_or_init(|| {
            let item = &self.graph.fns()[f];
            let mut scanner = Scanner::new(self, f);
            scanner.visit_block(item.block);
            scanner.finish()
        })
    }

    /// For each function reachable from `roots` that can panic: why (its own
    /// construct, or a call to a function that can). Breadth-first from the
    /// constructs, so each chain is a shortest one and cycles end.
    fn witnesses(&self, roots: &[usize]) -> HashMap<usize, Witness> {
        let mut reachable: Vec<usize> = Vec::new();
        let mut seen: HashSet<usize> = HashSet::new();
        let mut stack: Vec<usize> = roots.to_vec();
        while let Some(f) = stack.pop() {
            if !seen.insert(f) {
                continue;
            }
            reachable.push(f);
            for call in &self.scan(f).calls {
                if !self.callbacks.contains(&call.callee) {
                    stack.push(call.callee);
                }
            }
        }
        reachable.sort_unstable();
        let mut callers: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
        let mut witness: HashMap<usize, Witness> = HashMap::new();
        let mut queue = std::collections::VecDeque::new();
        for &f in &reachable {
            let scan = self.scan(f);
            for (k, call) in scan.calls.iter().enumerate() {
                if !self.callbacks.contains(&call.callee) {
                    callers.entry(call.callee).or_default().push((f, k));
                }
            }
            if let Some(k) = scan.sites.iter().position(|s| self.counts(s)) {
                witness.insert(f, Witness::Site(k));
                queue.push_back(f);
            }
        }
        while let Some(g) = queue.pop_front() {
            for &(caller, k) in callers.get(&g).map_or(&[][..], Vec::as_slice) {
                if let std::collections::hash_map::Entry::Vacant(e) = witness.entry(caller) {
                    e.insert(Witness::Call(k));
                    queue.push_back(caller);
                }
            }
        }
        witness
    }

    /// Whether a construct counts for "can panic" (overflow only when opted in).
    fn counts(&self, site: &Site) -> bool {
        site.kind != SiteKind::Overflow || self.overflow
    }

    /// Closure argument positions a call to `callee` runs under `catch_unwind`.
    fn guarded_args(&self, callee: usize, kind: CallKind) -> Vec<usize> {
        let Some(inputs) = self.trampolines.get(&callee) else { return Vec::new() };
        let has_receiver = matches!(self.graph.fns()[callee].sig.inputs.first(), Some(syn::FnArg::Receiver(_)));
        inputs
            .iter()
            .filter_map(|&i| if kind == CallKind::Method && has_receiver { i.checked_sub(1) } else { Some(i) })
            .collect()
    }

    /// The chain from `callee` down to its panicking construct.
    fn chain(&self, witness: &HashMap<usize, Witness>, callee: usize) -> Option<(Vec<String>, String)> {
        let mut names = Vec::new();
        let mut f = callee;
        let mut seen = HashSet::new();
        loop {
            if !seen.insert(f) {
                return None;
            }
            names.push(format!("`{}`", self.graph.display_name(f)));
            match witness.get(&f)? {
                Witness::Call(k) => f = self.scan(f).calls[*k].callee,
                Witness::Site(k) => {
                    let site = &self.scan(f).sites[*k];
                    let file = self.file(f);
                    let line = file.line_of(site.range.start) + 1;
                    return Some((names, format!("{} at {}:{line}", site.what(), file.path().display())));
                }
            }
        }
    }
}

/// A method as shown in messages: `.unwrap()`, `.expect(..)`.
pub(crate) fn method_call(name: &str) -> String {
    if name.starts_with("expect") {
        format!(".{name}(..)")
    } else {
        format!(".{name}()")
    }
}

/// Why a function can panic.
#[derive(Debug, Clone, Copy)]
enum Witness {
    /// Its own construct (index into its scan's sites).
    Site(usize),
    /// A call (index into its scan's calls) to a function that can panic.
    Call(usize),
}

fn report_direct(panics: &Panics<'_, '_>, cb: usize, out: &mut Vec<Diagnostic>) {
    let file = panics.file(cb);
    let name = &panics.graph.fns()[cb].name;
    for site in &panics.scan(cb).sites {
        if site.kind.is_unwind_misuse() || !panics.counts(site) {
            continue;
        }
        let (message, label, help) = describe(site, name);
        let mut d = Diagnostic::new("PF001", file.path(), site.range.clone(), message)
            .with_primary_label(label)
            .with_help(help)
            .with_note(BOUNDARY_NOTE);
        if let Some(note) = panics.macro_notes.get(&cb) {
            d = d.with_note(note.clone());
        }
        out.push(d);
    }
}

/// Message, primary label and help for a construct in callback `cb`.
fn describe(site: &Site, cb: &str) -> (String, &'static str, &'static str) {
    let what = site.what();
    match &site.kind {
        SiteKind::Always(_) => (
            format!("{what} in callback `{cb}`"),
            "panics when reached",
            "set a Python exception (`PyErr_SetString`) and return the callback's error value instead",
        ),
        SiteKind::Assert(_) => (
            format!("{what} can panic in callback `{cb}`"),
            "panics if the assertion fails",
            "check the condition, set a Python exception and return the callback's error value",
        ),
        SiteKind::Unwrap(_) | SiteKind::UnwrapCaught(_) | SiteKind::ResumeUnwind => (
            format!("{what} can panic in callback `{cb}`"),
            "panics on `None` or `Err`",
            "handle the `None`/`Err` case: set a Python exception and return the callback's error value",
        ),
        SiteKind::Index => (
            format!("indexing {what} can panic in callback `{cb}`"),
            "panics if the index is out of bounds",
            "use `.get(..)` and raise `IndexError` when it returns `None`",
        ),
        SiteKind::Division => (
            format!("integer division {what} can panic in callback `{cb}`"),
            "panics if the divisor is zero",
            "check the divisor first (or use `checked_div`) and raise `ZeroDivisionError`",
        ),
        SiteKind::Remainder => (
            format!("integer remainder {what} can panic in callback `{cb}`"),
            "panics if the divisor is zero",
            "check the divisor first (or use `checked_rem`) and raise `ZeroDivisionError`",
        ),
        SiteKind::Borrow(_) => (
            format!("`RefCell` borrow {what} can panic in callback `{cb}`"),
            "panics if the cell is already mutably borrowed (or borrowed, for `borrow_mut`)",
            "use `try_borrow`/`try_borrow_mut` and raise an exception when the cell is busy",
        ),
        SiteKind::Overflow => (
            format!("integer arithmetic {what} can overflow and panic in callback `{cb}`"),
            "panics on overflow when overflow checks are on (debug builds)",
            "use `checked_*` arithmetic and raise `OverflowError` (or `wrapping_*` if wrapping is intended)",
        ),
    }
}

fn report_reachable(panics: &Panics<'_, '_>, witness: &HashMap<usize, Witness>, cb: usize, out: &mut Vec<Diagnostic>) {
    let file = panics.file(cb);
    let cb_name = panics.graph.display_name(cb);
    let mut reported: HashSet<Range<usize>> = HashSet::new();
    for call in &panics.scan(cb).calls {
        if panics.callbacks.contains(&call.callee) || !reported.insert(call.range.clone()) {
            continue;
        }
        let Some((names, end)) = panics.chain(witness, call.callee) else { continue };
        let callee = panics.graph.display_name(call.callee);
        let chain = format!("`{cb_name}` -> {} -> {end}", names.join(" -> "));
        let macro_note = panics.macro_notes.get(&cb).cloned();
        let d = Diagnostic::new(
            "PF002",
            file.path(),
            call.range.clone(),
            format!("call to `{callee}` can panic in callback `{cb_name}`"),
        )
        .with_primary_label(format!("`{callee}` can panic"))
        .with_note(chain)
        .with_note(BOUNDARY_NOTE)
        .with_help(format!(
            "make `{callee}` return an error instead of panicking and raise a Python exception in `{cb_name}`, \
                     or call it under `std::panic::catch_unwind`"
        ));
        out.push(match macro_note {
            Some(note) => d.with_note(note),
            None => d,
        });
    }
}

/// Whether a call's callee path ends in `name` (`std::panic::catch_unwind`).
fn calls_named(call: &syn::ExprCall, name: &str) -> bool {
    syntax::call_name(call).is_some_and(|n| n == name)
}

fn peel(expr: &syn::Expr) -> &syn::Expr {
    match expr {
        syn::Expr::Paren(p) => peel(&p.expr),
        syn::Expr::Group(g) => peel(&g.expr),
        other => other,
    }
}

/// The `catch_unwind(..)` call an expression is, if it is one.
fn as_catch_unwind(expr: &syn::Expr) -> Option<&syn::ExprCall> {
    match peel(expr) {
        syn::Expr::Call(c) if calls_named(c, "catch_unwind") => Some(c),
        _ => None,
    }
}

/// Functions outside the crate that run their closure under `catch_unwind`:
/// `catch_unwind` itself and anything named like a panic trampoline.
fn is_guard_name(name: &str) -> bool {
    name.contains("catch_unwind")
        || name.contains("catch_panic")
        || name == "trampoline"
        || name.ends_with("_trampoline")
        || name.starts_with("trampoline_")
}

/// The crate's macros that run their input under `catch_unwind`: a
/// `macro_rules!` whose rules mention `catch_unwind` and never `resume_unwind`.
fn guard_macros(files: &[SourceFile]) -> HashSet<String> {
    struct Finder(HashSet<String>);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_item_macro(&mut self, m: &'ast syn::ItemMacro) {
            if let (true, Some(name)) = (m.mac.path.is_ident("macro_rules"), &m.ident) {
                let guards = syntax::tokens_mention(&m.mac.tokens, |id| id == "catch_unwind");
                if guards && !syntax::tokens_mention(&m.mac.tokens, |id| id == "resume_unwind") {
                    self.0.insert(name.to_string());
                }
            }
        }
        fn visit_block(&mut self, _: &'ast syn::Block) {}
    }
    let mut finder = Finder(HashSet::new());
    for file in files.iter().filter(|f| f.text().contains("macro_rules")) {
        finder.visit_file(&file.ast);
    }
    finder.0
}

/// Names of a function's parameters that are closures: `f: F` with `F: FnOnce(..)`,
/// `f: impl FnOnce(..)`, `f: &dyn Fn(..)`, `f: Box<dyn FnOnce(..)>`, `f: fn(..)`, by input index.
fn closure_params(sig: &syn::Signature) -> Vec<(usize, String)> {
    let mut generic: HashSet<String> = HashSet::new();
    for param in sig.generics.type_params() {
        if param.bounds.iter().any(is_fn_bound) {
            generic.insert(param.ident.to_string());
        }
    }
    if let Some(wc) = &sig.generics.where_clause {
        for pred in &wc.predicates {
            if let syn::WherePredicate::Type(t) = pred {
                if t.bounds.iter().any(is_fn_bound) {
                    generic.insert(syntax::tokens_text(&t.bounded_ty));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (i, input) in sig.inputs.iter().enumerate() {
        if let syn::FnArg::Typed(t) = input {
            if let syn::Pat::Ident(p) = &*t.pat {
                if is_closure_type(&t.ty, &generic) {
                    out.push((i, p.ident.to_string()));
                }
            }
        }
    }
    out
}

fn is_fn_bound(bound: &syn::TypeParamBound) -> bool {
    match bound {
        syn::TypeParamBound::Trait(t) => {
            syntax::last_segment(&t.path).is_some_and(|n| matches!(n.as_str(), "Fn" | "FnMut" | "FnOnce"))
        }
        _ => false,
    }
}

fn is_closure_type(ty: &syn::Type, generic: &HashSet<String>) -> bool {
    match ty {
        syn::Type::Path(p) => {
            let name = syntax::tokens_text(&p.path);
            if generic.contains(&name) {
                return true;
            }
            // `Box<dyn FnOnce()>`
            p.path.segments.last().is_some_and(|s| match &s.arguments {
                syn::PathArguments::AngleBracketed(a) => a.args.iter().any(|g| match g {
                    syn::GenericArgument::Type(t) => is_closure_type(t, generic),
                    _ => false,
                }),
                _ => false,
            }) && syntax::last_segment(&p.path).is_some_and(|n| n == "Box")
        }
        syn::Type::ImplTrait(t) => t.bounds.iter().any(is_fn_bound),
        syn::Type::TraitObject(t) => t.bounds.iter().any(is_fn_bound),
        // `f: fn() -> *mut PyObject`
        syn::Type::BareFn(_) => true,
        syn::Type::Reference(r) => is_closure_type(&r.elem, generic),
        syn::Type::Paren(p) => is_closure_type(&p.elem, generic),
        _ => false,
    }
}

/// Whether an expression mentions one of `names` as a plain path.
fn mentions(expr: &syn::Expr, names: &[&str]) -> Vec<String> {
    struct Finder<'n> {
        names: &'n [&'n str],
        found: Vec<String>,
    }
    impl<'ast> Visit<'ast> for Finder<'_> {
        fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
            if let Some(id) = p.path.get_ident() {
                let id = id.to_string();
                if self.names.contains(&id.as_str()) && !self.found.contains(&id) {
                    self.found.push(id);
                }
            }
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            for e in syntax::macro_exprs(mac).unwrap_or_default() {
                self.visit_expr(&e);
            }
        }
    }
    let mut finder = Finder { names, found: Vec::new() };
    finder.visit_expr(expr);
    finder.found
}

/// The crate's trampolines: functions that run a closure parameter under
/// `catch_unwind` (directly or through another trampoline) and neither
/// unwrap the result nor re-raise it. Found to a fixpoint.
fn find_trampolines(graph: &CallGraph<'_>) -> HashMap<usize, Vec<usize>> {
    let candidates: Vec<(usize, Vec<(usize, String)>)> = graph
        .fns()
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.in_test && f.block.stmts.iter().len() < 200)
        .map(|(i, f)| (i, closure_params(f.sig)))
        .filter(|(_, params)| !params.is_empty())
        .collect();
    let mut found: HashMap<usize, Vec<usize>> = HashMap::new();
    loop {
        let mut changed = false;
        for (f, params) in &candidates {
            if found.contains_key(f) {
                continue;
            }
            let mut finder =
                TrampolineFinder { graph, f: *f, known: &found, params, guarded: Vec::new(), rethrows: false };
            finder.visit_block(graph.fns()[*f].block);
            if !finder.rethrows && !finder.guarded.is_empty() {
                let mut guarded = finder.guarded;
                guarded.sort_unstable();
                found.insert(*f, guarded);
                changed = true;
            }
        }
        if !changed {
            return found;
        }
    }
}

struct TrampolineFinder<'t, 'a> {
    graph: &'t CallGraph<'a>,
    f: usize,
    known: &'t HashMap<usize, Vec<usize>>,
    params: &'t [(usize, String)],
    /// Input indexes of the parameters run under `catch_unwind`.
    guarded: Vec<usize>,
    /// Unwraps the `catch_unwind` result or calls `resume_unwind`: not a trampoline.
    rethrows: bool,
}

impl TrampolineFinder<'_, '_> {
    fn guard_params_in(&mut self, expr: &syn::Expr) {
        let names: Vec<&str> = self.params.iter().map(|(_, n)| n.as_str()).collect();
        for name in mentions(expr, &names) {
            if let Some((i, _)) = self.params.iter().find(|(_, n)| *n == name) {
                if !self.guarded.contains(i) {
                    self.guarded.push(*i);
                }
            }
        }
    }

    fn through_trampoline(
        &mut self,
        site: Option<&CallSite>,
        args: &syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>,
    ) {
        let Some(site) = site else { return };
        let Some(inputs) = self.known.get(&site.callee) else { return };
        let has_receiver = matches!(self.graph.fns()[site.callee].sig.inputs.first(), Some(syn::FnArg::Receiver(_)));
        for &i in inputs {
            let at = if site.kind == CallKind::Method && has_receiver { i.checked_sub(1) } else { Some(i) };
            if let Some(arg) = at.and_then(|a| args.iter().nth(a)) {
                self.guard_params_in(arg);
            }
        }
    }
}

impl<'ast> Visit<'ast> for TrampolineFinder<'_, '_> {
    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        let name = syntax::call_name(call).unwrap_or_default();
        let site = match &*call.func {
            syn::Expr::Path(p) => {
                self.graph.call_at(self.f, self.graph.file_of(self.f).range(callgraph::path_start(&p.path)).start)
            }
            _ => None,
        };
        if site.is_none() && is_guard_name(&name) {
            for arg in &call.args {
                self.guard_params_in(arg);
            }
        } else if calls_named(call, "resume_unwind") {
            self.rethrows = true;
        } else {
            self.through_trampoline(site, &call.args);
        }
        syn::visit::visit_expr_call(self, call);
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        if matches!(m.method.to_string().as_str(), "unwrap" | "expect") && as_catch_unwind(&m.receiver).is_some() {
            self.rethrows = true;
        }
        let site = self.graph.call_at(self.f, self.graph.file_of(self.f).range(m.method.span()).start);
        self.through_trampoline(site, &m.args);
        syn::visit::visit_expr_method_call(self, m);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        for e in syntax::macro_exprs(mac).unwrap_or_default() {
            self.visit_expr(&e);
        }
    }
}

/// Methods and functions the scan reports or treats specially.
const PANIC_NAMES: &[&str] = &[
    "unwrap",
    "expect",
    "unwrap_err",
    "expect_err",
    "borrow",
    "borrow_mut",
    "with_borrow",
    "with_borrow_mut",
    "catch_unwind",
    "resume_unwind",
    "panic_any",
];

/// The macros that panic when reached.
const ALWAYS_PANIC: &[&str] = &["panic", "todo", "unimplemented", "unreachable"];
/// The macros that panic when their condition fails.
const ASSERTS: &[&str] = &["assert", "assert_eq", "assert_ne"];

/// Walks one body outside guarded regions, collecting constructs, calls and `catch_unwind` uses.
struct Scanner<'p, 'g, 'a> {
    panics: &'p Panics<'g, 'a>,
    f: usize,
    file: &'a SourceFile,
    scan: Scan,
    /// Locals holding a closure that some guarded call runs.
    guarded_closures: HashSet<String>,
    /// Locals holding a `catch_unwind` result: name -> index in `scan.caught`.
    caught_bindings: HashMap<String, usize>,
    facts: OnceCell<Facts<'a>>,
}

impl<'p, 'g, 'a> Scanner<'p, 'g, 'a> {
    fn new(panics: &'p Panics<'g, 'a>, f: usize) -> Self {
        let item = &panics.graph.fns()[f];
        let mut scanner = Scanner {
            panics,
            f,
            file: panics.file(f),
            scan: Scan::default(),
            guarded_closures: HashSet::new(),
            caught_bindings: HashMap::new(),
            facts: OnceCell::new(),
        };
        // Only a body that can call a guard can hand it a closure by name.
        let body = scanner.file.range_between(item.block.brace_token.span.open(), item.block.brace_token.span.close());
        let text = scanner.file.text().get(body).unwrap_or_default();
        let mentions_guard = ["catch_unwind", "catch_panic", "trampoline", "spawn"].iter().any(|w| text.contains(w));
        if mentions_guard || !panics.trampolines.is_empty() {
            let guarded = scanner.closures_run_guarded(item.block);
            scanner.guarded_closures = guarded;
        }
        scanner
    }

    fn finish(self) -> Scan {
        self.scan
    }

    fn graph(&self) -> &'p CallGraph<'a> {
        self.panics.graph
    }

    fn facts(&self) -> &Facts<'a> {
        self.facts.get_or_init(|| {
            let mut facts = Facts { file: Some(self.file), ..Facts::default() };
            facts.visit_block(self.panics.graph.fns()[self.f].block);
            facts
        })
    }

    fn ty(&self, expr: &syn::Expr) -> Ty {
        self.graph().type_of(self.f, expr)
    }

    /// Record a construct; `text` is its source text, whitespace collapsed.
    fn site(&mut self, kind: SiteKind, range: Range<usize>) {
        let raw = self.file.text().get(range.clone()).unwrap_or_default();
        let text = shorten(&raw.split_whitespace().collect::<Vec<_>>().join(" "));
        self.scan.sites.push(Site { kind, range, text });
    }

    /// The call site the graph resolved at `span`, if any.
    fn resolved(&self, span: proc_macro2::Span) -> Option<&'p CallSite> {
        self.graph().call_at(self.f, self.file.range(span).start)
    }

    /// The call site the graph resolved for a call written as `path`.
    fn resolved_path(&self, path: &syn::Path) -> Option<&'p CallSite> {
        self.resolved(callgraph::path_start(path))
    }

    /// Argument positions of a call that run under `catch_unwind` (or on another thread).
    fn guarded_positions(&self, site: Option<&CallSite>, name: &str) -> Vec<usize> {
        match site {
            Some(s) => self.panics.guarded_args(s.callee, s.kind),
            None if is_guard_name(name) || matches!(name, "spawn" | "spawn_scoped" | "spawn_unchecked") => {
                (0..16).collect()
            }
            None => Vec::new(),
        }
    }

    /// Local names passed whole (or wrapped in `AssertUnwindSafe`) to a guarded position.
    fn closures_run_guarded(&self, block: &syn::Block) -> HashSet<String> {
        struct Pass<'s, 'p, 'g, 'a> {
            scanner: &'s Scanner<'p, 'g, 'a>,
            names: HashSet<String>,
        }
        impl Pass<'_, '_, '_, '_> {
            fn take(&mut self, args: &syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>, positions: &[usize]) {
                for &i in positions {
                    let Some(mut arg) = args.iter().nth(i).map(peel) else { continue };
                    if let syn::Expr::Call(wrap) = arg {
                        if calls_named(wrap, "AssertUnwindSafe") && wrap.args.len() == 1 {
                            arg = peel(&wrap.args[0]);
                        }
                    }
                    if let syn::Expr::Path(p) = arg {
                        if let Some(id) = p.path.get_ident() {
                            self.names.insert(id.to_string());
                        }
                    }
                }
            }
        }
        impl<'ast> Visit<'ast> for Pass<'_, '_, '_, '_> {
            fn visit_item(&mut self, _: &'ast syn::Item) {}
            fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
                if let syn::Expr::Path(p) = &*call.func {
                    let name = syntax::last_segment(&p.path).unwrap_or_default();
                    let positions = self.scanner.guarded_positions(self.scanner.resolved_path(&p.path), &name);
                    self.take(&call.args, &positions);
                }
                syn::visit::visit_expr_call(self, call);
            }
            fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
                let positions =
                    self.scanner.guarded_positions(self.scanner.resolved(m.method.span()), &m.method.to_string());
                self.take(&m.args, &positions);
                syn::visit::visit_expr_method_call(self, m);
            }
        }
        let mut pass = Pass { scanner: self, names: HashSet::new() };
        pass.visit_block(block);
        pass.names
    }

    /// Visit a call's arguments, except the ones that run guarded.
    fn visit_args<'x>(&mut self, args: impl Iterator<Item = &'x syn::Expr>, guarded: &[usize]) {
        for (i, arg) in args.enumerate() {
            if guarded.contains(&i) {
                continue;
            }
            if let syn::Expr::Path(p) = arg {
                if let Some(site) = self.resolved_path(&p.path).filter(|s| s.kind == CallKind::Reference) {
                    self.scan.calls.push(site.clone());
                }
            }
            self.visit_expr(arg);
        }
    }

    fn record_catch_unwind(&mut self, call: &syn::ExprCall, usage: CaughtUse) -> usize {
        let range = callgraph::expr_range(self.file, &call.func);
        self.scan.caught.push(Caught { range, usage });
        self.scan.caught.len() - 1
    }

    fn check_unwrap(&mut self, m: &syn::ExprMethodCall) {
        let name = m.method.to_string();
        let arity = match name.as_str() {
            "unwrap" | "unwrap_err" => 0,
            "expect" | "expect_err" => 1,
            _ => return,
        };
        if m.args.len() != arity {
            return;
        }
        let range = self.file.range_between(m.method.span(), m.paren_token.span.close());
        if let Some(call) = as_catch_unwind(&m.receiver) {
            self.record_catch_unwind(call, CaughtUse::Unwrapped(name.clone(), range.clone()));
            self.site(SiteKind::UnwrapCaught(name), range);
            return;
        }
        if let syn::Expr::Path(p) = peel(&m.receiver) {
            if let Some(k) = p.path.get_ident().and_then(|id| self.caught_bindings.get(&id.to_string())) {
                self.scan.caught[*k].usage = CaughtUse::Unwrapped(name.clone(), range.clone());
                self.site(SiteKind::UnwrapCaught(name), range);
                return;
            }
        }
        let checks = &self.facts().checked_options;
        if !checks.is_empty() {
            if let Some(receiver) = key(&m.receiver) {
                if checks.iter().any(|(at, text)| *at < range.start && *text == receiver) {
                    return;
                }
            }
        }
        self.site(SiteKind::Unwrap(name), range);
    }

    fn check_borrow(&mut self, m: &syn::ExprMethodCall) {
        let name = m.method.to_string();
        let refcell = match name.as_str() {
            "borrow" | "borrow_mut" if m.args.is_empty() => self.ty(&m.receiver).is_refcell(),
            "with_borrow" | "with_borrow_mut" => match peel(&m.receiver) {
                syn::Expr::Path(p) => {
                    p.path.get_ident().is_some_and(|id| self.graph().resolver.static_ty(&id.to_string()).is_refcell())
                }
                _ => false,
            },
            _ => false,
        };
        if refcell {
            let range = self.file.range_between(m.method.span(), m.paren_token.span.close());
            self.site(SiteKind::Borrow(name), range);
        }
    }

    fn check_index(&mut self, index: &syn::ExprIndex) {
        let range = self.file.range_between(callgraph::expr_start(&index.expr), index.bracket_token.span.close());
        let array_len = self.ty(&index.expr).array_len();
        let at = range.start;
        // (bound, whether it may equal the length: the end of a `..` range).
        let bounds: Vec<(&syn::Expr, bool)> = match peel(&index.index) {
            syn::Expr::Range(r) => {
                let end_inclusive_ok = matches!(r.limits, syn::RangeLimits::HalfOpen(_));
                let start = r.start.iter().map(|b| (&**b, true));
                start.chain(r.end.iter().map(|b| (&**b, end_inclusive_ok))).collect()
            }
            i => vec![(i, false)],
        };
        // A constant index into an array of known length, or a full range `[..]`.
        let constant_ok = |(b, may_equal): &(&syn::Expr, bool)| {
            callgraph::int_literal(strip(b)).zip(array_len).is_some_and(|(k, n)| k < n || (*may_equal && k == n))
        };
        if bounds.iter().all(constant_ok) {
            return;
        }
        let facts = self.facts();
        let checked = !facts.is_empty()
            && key(&index.expr).is_some_and(|base| bounds.iter().all(|(b, _)| facts.bounds_index(&base, b, at)));
        if !checked {
            self.site(SiteKind::Index, range);
        }
    }

    fn check_binary(&mut self, b: &syn::ExprBinary) {
        use syn::BinOp;
        let kind = match b.op {
            BinOp::Div(_) | BinOp::DivAssign(_) => SiteKind::Division,
            BinOp::Rem(_) | BinOp::RemAssign(_) => SiteKind::Remainder,
            BinOp::Add(_)
            | BinOp::Sub(_)
            | BinOp::Mul(_)
            | BinOp::Shl(_)
            | BinOp::AddAssign(_)
            | BinOp::SubAssign(_)
            | BinOp::MulAssign(_)
            | BinOp::ShlAssign(_) => SiteKind::Overflow,
            _ => return,
        };
        if kind == SiteKind::Overflow && !self.panics.overflow {
            return;
        }
        let (l, r) = (self.ty(&b.left), self.ty(&b.right));
        let integer = (l.is_int() || r.is_int()) && !l.is_float() && !r.is_float();
        if !integer || is_constant(&b.right, self.graph().locals(self.f)) {
            return;
        }
        let range = self.file.range_between(callgraph::expr_start(&b.left), callgraph::expr_end(&b.right));
        if kind == SiteKind::Overflow {
            // One finding per arithmetic chain: `a + b + c` is reported once, at its outermost `+`.
            let nested = self
                .scan
                .sites
                .iter()
                .any(|s| s.kind == SiteKind::Overflow && s.range.start <= range.start && range.end <= s.range.end);
            if nested || is_constant(&b.left, self.graph().locals(self.f)) {
                return;
            }
        } else if r.peeled() == &Ty::NonZero
            || never_zero(&b.right)
            || self.is_nonzero_get(&b.right)
            || self.facts().zero_checked(&b.right, range.start)
        {
            return;
        }
        self.site(kind, range);
    }

    /// Whether a macro body can hold anything this scan reports or follows: a
    /// panicking method or macro, brackets, `/` or `%`, a crate function's name.
    /// Bodies that cannot (`format!("{x}")`) are not parsed.
    fn may_matter(&self, tokens: &proc_macro2::TokenStream) -> bool {
        use proc_macro2::{Delimiter, TokenTree};
        tokens.clone().into_iter().any(|tt| match tt {
            TokenTree::Ident(id) => {
                let id = id.to_string();
                PANIC_NAMES.contains(&id.as_str())
                    || ALWAYS_PANIC.contains(&id.as_str())
                    || ASSERTS.contains(&id.as_str())
                    || self.graph().may_name_fn(self.f, &id)
            }
            TokenTree::Group(g) => g.delimiter() == Delimiter::Bracket || self.may_matter(&g.stream()),
            TokenTree::Punct(p) => {
                matches!(p.as_char(), '/' | '%')
                    || (self.panics.overflow && matches!(p.as_char(), '+' | '-' | '*' | '<'))
            }
            TokenTree::Literal(_) => false,
        })
    }

    /// `nz.get()` of a `NonZero*` value.
    fn is_nonzero_get(&self, expr: &syn::Expr) -> bool {
        match peel(expr) {
            syn::Expr::MethodCall(m) if m.method == "get" && m.args.is_empty() => {
                self.ty(&m.receiver).peeled() == &Ty::NonZero
            }
            _ => false,
        }
    }

    /// `let _ = catch_unwind(..)`, `let r = catch_unwind(..)`.
    fn check_local_catch(&mut self, local: &syn::Local) -> bool {
        let Some(init) = &local.init else { return false };
        let inner = match peel(&init.expr) {
            syn::Expr::MethodCall(m) if m.method == "ok" && m.args.is_empty() => &m.receiver,
            e => e,
        };
        let Some(call) = as_catch_unwind(inner) else { return false };
        let name = match &local.pat {
            syn::Pat::Wild(_) => None,
            syn::Pat::Ident(p) => Some(p.ident.to_string()),
            syn::Pat::Type(t) => match &*t.pat {
                syn::Pat::Wild(_) => None,
                syn::Pat::Ident(p) => Some(p.ident.to_string()),
                _ => return false,
            },
            _ => return false,
        };
        match name {
            Some(n) if !n.starts_with('_') => {
                let k = self.record_catch_unwind(call, CaughtUse::Handled);
                self.caught_bindings.insert(n, k);
            }
            _ => {
                self.record_catch_unwind(call, CaughtUse::Discarded);
            }
        }
        self.visit_expr(&call.func);
        true
    }
}

impl<'ast> Visit<'ast> for Scanner<'_, '_, '_> {
    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_stmt(&mut self, stmt: &'ast syn::Stmt) {
        if callgraph::stmt_is_cfg_test(stmt) {
            return;
        }
        if let syn::Stmt::Expr(e, Some(_)) = stmt {
            let inner = match peel(e) {
                syn::Expr::MethodCall(m) if m.method == "ok" && m.args.is_empty() => &m.receiver,
                other => other,
            };
            if let Some(call) = as_catch_unwind(inner) {
                self.record_catch_unwind(call, CaughtUse::Discarded);
                return;
            }
        }
        syn::visit::visit_stmt(self, stmt);
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        if self.check_local_catch(local) {
            return;
        }
        if let (syn::Pat::Ident(p), Some(init)) = (&local.pat, &local.init) {
            if self.guarded_closures.contains(&p.ident.to_string()) && is_closure(&init.expr) {
                return;
            }
        }
        syn::visit::visit_local(self, local);
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        let syn::Expr::Path(p) = &*call.func else {
            syn::visit::visit_expr_call(self, call);
            return;
        };
        let name = syntax::last_segment(&p.path).unwrap_or_default();
        let resolved = self.resolved_path(&p.path);
        match name.as_str() {
            "catch_unwind" => {
                self.record_catch_unwind(call, CaughtUse::Handled);
                return;
            }
            // `drop(catch_unwind(..))`
            "drop" if call.args.len() == 1 && as_catch_unwind(&call.args[0]).is_some() => {
                if let Some(caught) = as_catch_unwind(&call.args[0]) {
                    self.record_catch_unwind(caught, CaughtUse::Discarded);
                }
                return;
            }
            "resume_unwind" => {
                let range = self.file.range_between(callgraph::path_start(&p.path), call.paren_token.span.close());
                self.site(SiteKind::ResumeUnwind, range);
            }
            "panic_any" => {
                let range = self.file.range_between(callgraph::path_start(&p.path), call.paren_token.span.close());
                self.site(SiteKind::Always("panic_any".into()), range);
            }
            "borrow" | "borrow_mut"
                if p.path.segments.len() >= 2 && syntax::tokens_text(&p.path).contains("RefCell") =>
            {
                let range = self.file.range_between(callgraph::path_start(&p.path), call.paren_token.span.close());
                self.site(SiteKind::Borrow(name.clone()), range);
            }
            _ => {}
        }
        if let Some(site) = resolved.filter(|s| s.kind == CallKind::Call) {
            self.scan.calls.push(site.clone());
        }
        let guarded = self.guarded_positions(resolved, &name);
        self.visit_args(call.args.iter(), &guarded);
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        self.check_unwrap(m);
        self.check_borrow(m);
        let resolved = self.resolved(m.method.span());
        if let Some(site) = resolved.filter(|s| s.kind == CallKind::Method) {
            self.scan.calls.push(site.clone());
        }
        if as_catch_unwind(&m.receiver).is_none() {
            self.visit_expr(&m.receiver);
        }
        let guarded = self.guarded_positions(resolved, &m.method.to_string());
        self.visit_args(m.args.iter(), &guarded);
    }

    fn visit_expr_index(&mut self, index: &'ast syn::ExprIndex) {
        self.check_index(index);
        syn::visit::visit_expr_index(self, index);
    }

    fn visit_expr_binary(&mut self, b: &'ast syn::ExprBinary) {
        self.check_binary(b);
        syn::visit::visit_expr_binary(self, b);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let name = syntax::macro_name(mac);
        if self.panics.guard_macros.contains(&name) {
            // A crate macro that runs its input under `catch_unwind`: guarded.
            return;
        }
        if ALWAYS_PANIC.contains(&name.as_str()) {
            let range = self.file.range_between(mac.path.span(), mac.bang_token.span);
            self.site(SiteKind::Always(format!("{name}!")), range);
        } else if ASSERTS.contains(&name.as_str()) {
            let range = self.file.range_between(mac.path.span(), mac.bang_token.span);
            self.site(SiteKind::Assert(format!("{name}!")), range);
        } else if self.may_matter(&mac.tokens) {
            for e in &syntax::macro_exprs(mac).unwrap_or_default() {
                self.visit_expr(e);
            }
        }
    }
}

/// A closure, possibly wrapped: `|| ..`, `AssertUnwindSafe(move || ..)`.
fn is_closure(expr: &syn::Expr) -> bool {
    match peel(expr) {
        syn::Expr::Closure(_) => true,
        syn::Expr::Call(c) if calls_named(c, "AssertUnwindSafe") => c.args.first().is_some_and(is_closure),
        _ => false,
    }
}

/// A short key identifying a simple expression (`v`, `self.items`, `args.len()`,
/// `3`), without references, dereferences, casts and parentheses, for
/// matching a check with what it guards. `None` for anything more complex,
/// which then matches nothing.
fn key(expr: &syn::Expr) -> Option<String> {
    match strip(expr) {
        syn::Expr::Path(p) if p.qself.is_none() => {
            let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
            Some(segs.join("::"))
        }
        syn::Expr::Field(f) => {
            let member = match &f.member {
                syn::Member::Named(id) => id.to_string(),
                syn::Member::Unnamed(i) => i.index.to_string(),
            };
            Some(format!("{}.{member}", key(&f.base)?))
        }
        syn::Expr::MethodCall(m) if m.args.is_empty() => Some(format!("{}.{}()", key(&m.receiver)?, m.method)),
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) => Some(i.base10_digits().to_string()),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => Some(format!("-{}", key(&u.expr)?)),
        _ => None,
    }
}

fn strip(expr: &syn::Expr) -> &syn::Expr {
    match expr {
        syn::Expr::Paren(p) => strip(&p.expr),
        syn::Expr::Group(g) => strip(&g.expr),
        syn::Expr::Reference(r) => strip(&r.expr),
        syn::Expr::Cast(c) => strip(&c.expr),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => strip(&u.expr),
        other => other,
    }
}

/// Whether an expression is a compile-time constant: a literal, a `CONST`,
/// `u32::MAX`, `size_of::<T>()`, or arithmetic of those.
fn is_constant(expr: &syn::Expr, locals: &callgraph::Locals) -> bool {
    match expr {
        syn::Expr::Lit(_) => true,
        syn::Expr::Paren(p) => is_constant(&p.expr, locals),
        syn::Expr::Group(g) => is_constant(&g.expr, locals),
        syn::Expr::Cast(c) => is_constant(&c.expr, locals),
        syn::Expr::Unary(u) => !matches!(u.op, syn::UnOp::Deref(_)) && is_constant(&u.expr, locals),
        syn::Expr::Binary(b) => is_constant(&b.left, locals) && is_constant(&b.right, locals),
        syn::Expr::Path(p) => {
            let Some(last) = syntax::last_segment(&p.path) else { return false };
            let upper = last.chars().any(|c| c.is_ascii_uppercase())
                && last.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            upper && !(p.path.segments.len() == 1 && locals.contains(&last))
        }
        syn::Expr::Call(c) => {
            syntax::call_name(c).is_some_and(|n| matches!(n.as_str(), "size_of" | "align_of")) && c.args.is_empty()
        }
        _ => false,
    }
}

/// Divisors that cannot be zero whatever their operand: `n.max(1)`.
fn never_zero(expr: &syn::Expr) -> bool {
    match peel(expr) {
        syn::Expr::MethodCall(m) if m.method == "max" => {
            m.args.first().and_then(callgraph::int_literal).is_some_and(|v| v > 0)
        }
        _ => false,
    }
}

/// Long constructs shortened for messages.
fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX - 3).collect();
    format!("{cut}...")
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    fn of(op: &syn::BinOp) -> Option<Cmp> {
        Some(match op {
            syn::BinOp::Eq(_) => Cmp::Eq,
            syn::BinOp::Ne(_) => Cmp::Ne,
            syn::BinOp::Lt(_) => Cmp::Lt,
            syn::BinOp::Le(_) => Cmp::Le,
            syn::BinOp::Gt(_) => Cmp::Gt,
            syn::BinOp::Ge(_) => Cmp::Ge,
            _ => return None,
        })
    }

    /// The same test with its operands swapped (`a < b` is `b > a`).
    fn flipped(self) -> Cmp {
        match self {
            Cmp::Lt => Cmp::Gt,
            Cmp::Le => Cmp::Ge,
            Cmp::Gt => Cmp::Lt,
            Cmp::Ge => Cmp::Le,
            same => same,
        }
    }
}

/// One comparison `left op right`, at an offset, operands as [`key`]s.
#[derive(Debug, Clone)]
struct Comparison {
    at: usize,
    left: String,
    op: Cmp,
    right: String,
}

impl Comparison {
    /// The comparison with `subject` on the left, if it is either operand.
    fn about(&self, subject: &str) -> Option<(Cmp, &str)> {
        if self.left == subject {
            Some((self.op, &self.right))
        } else if self.right == subject {
            Some((self.op.flipped(), &self.left))
        } else {
            None
        }
    }
}

/// Checks a function makes before its constructs: comparisons (`n == 0`,
/// `i < v.len()`), emptiness and option tests, loop bounds, and which
/// locals hold a length (`let n = v.len()`, `from_raw_parts(p, n)`). A check
/// counts whichever branch the construct is in: either branch of a test
/// that splits at the right place is where a careful author handles it.
#[derive(Default)]
struct Facts<'f> {
    file: Option<&'f SourceFile>,
    comparisons: Vec<Comparison>,
    /// (offset, receiver) of `.is_some()`/`.is_ok()`/`.is_none()`/`.is_err()`.
    checked_options: Vec<(usize, String)>,
    /// (offset, receiver) of `.is_empty()`.
    emptiness: Vec<(usize, String)>,
    /// Local or slice name -> the keys that are its length.
    lengths: HashMap<String, Vec<String>>,
}

impl Facts<'_> {
    /// Whether the function checks nothing an index could rely on.
    fn is_empty(&self) -> bool {
        self.comparisons.is_empty() && self.emptiness.is_empty()
    }

    fn at(&self, span: proc_macro2::Span) -> usize {
        self.file.map_or(0, |f| f.range(span).start)
    }

    fn compare(&mut self, at: usize, left: String, op: Cmp, right: String) {
        self.comparisons.push(Comparison { at, left, op, right });
    }

    /// The keys that stand for `base`'s length.
    fn length_keys(&self, base: &str) -> Vec<String> {
        let len = format!("{base}.len()");
        let mut keys = vec![len.clone()];
        if let Some(more) = self.lengths.get(base) {
            keys.extend(more.iter().cloned());
        }
        keys.extend(self.lengths.iter().filter(|(_, texts)| texts.contains(&len)).map(|(local, _)| local.clone()));
        keys
    }

    /// Whether indexing `base` at `index` (before offset `at`) is known in bounds:
    /// `i < len` / `i >= len` for a variable, `len > k`, `len == m` (m > k)... for a constant.
    fn bounds_index(&self, base: &str, index: &syn::Expr, at: usize) -> bool {
        let keys = self.length_keys(base);
        let earlier = || self.comparisons.iter().filter(move |c| c.at < at);
        match callgraph::int_literal(strip(index)) {
            Some(k) => {
                (k == 0 && self.emptiness.iter().any(|(pos, t)| *pos < at && t == base))
                    || earlier().any(|c| {
                        keys.iter().filter_map(|len| c.about(len)).any(|(op, other)| {
                            other.parse::<u64>().is_ok_and(|m| match op {
                                Cmp::Gt | Cmp::Le => m >= k,
                                Cmp::Eq | Cmp::Ne | Cmp::Ge | Cmp::Lt => m > k,
                            })
                        })
                    })
            }
            None => {
                let Some(index) = key(index) else { return false };
                earlier().any(
                    |c| matches!(c.about(&index), Some((Cmp::Lt | Cmp::Ge, other)) if keys.iter().any(|k| k == other)),
                )
            }
        }
    }

    /// Whether `divisor` was tested for zero before offset `at`: `d == 0`,
    /// `d != 0`, `d > 0`, `d <= 0`, `d >= 1`, `d < 1` (not `d < 0`).
    fn zero_checked(&self, divisor: &syn::Expr, at: usize) -> bool {
        let Some(d) = key(divisor) else { return false };
        self.comparisons.iter().filter(|c| c.at < at).any(|c| {
            matches!(c.about(&d), Some((Cmp::Eq | Cmp::Ne | Cmp::Gt | Cmp::Le, "0")) | Some((Cmp::Ge | Cmp::Lt, "1")))
        })
    }
}

impl<'ast> Visit<'ast> for Facts<'_> {
    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_expr_binary(&mut self, b: &'ast syn::ExprBinary) {
        if let Some(op) = Cmp::of(&b.op) {
            if let (Some(l), Some(r)) = (key(&b.left), key(&b.right)) {
                let at = self.at(callgraph::expr_start(&b.left));
                self.compare(at, l, op, r);
            }
        }
        syn::visit::visit_expr_binary(self, b);
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        let method = m.method.to_string();
        if matches!(method.as_str(), "is_some" | "is_ok" | "is_none" | "is_err" | "is_empty") {
            if let Some(receiver) = key(&m.receiver) {
                let at = self.at(m.method.span());
                let list = if method == "is_empty" { &mut self.emptiness } else { &mut self.checked_options };
                list.push((at, receiver));
            }
        }
        syn::visit::visit_expr_method_call(self, m);
    }

    fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
        // `match nargs { 2 => .., _ => .. }` bounds like `nargs == 2`; in a
        // catch-all arm `d => ..` after `0 => ..`, `d` was compared with 0 too.
        if let Some(scrutinee) = key(&m.expr) {
            let literals: Vec<String> = m
                .arms
                .iter()
                .filter_map(|arm| match &arm.pat {
                    syn::Pat::Lit(syn::PatLit { lit: syn::Lit::Int(i), .. }) => Some(i.base10_digits().to_string()),
                    _ => None,
                })
                .collect();
            for arm in &m.arms {
                let at = self.at(arm.fat_arrow_token.spans[0]);
                let name = match &arm.pat {
                    syn::Pat::Ident(p) if p.subpat.is_none() => p.ident.to_string(),
                    _ => scrutinee.clone(),
                };
                for lit in &literals {
                    self.compare(at, name.clone(), Cmp::Eq, lit.clone());
                }
            }
        }
        syn::visit::visit_expr_match(self, m);
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        if let (syn::Pat::Ident(p), Some(init)) = (strip_pat_type(&local.pat), &local.init) {
            let name = p.ident.to_string();
            match strip(&init.expr) {
                syn::Expr::MethodCall(m) if m.method == "len" && m.args.is_empty() => {
                    if let Some(receiver) = key(&m.receiver) {
                        self.lengths.entry(name).or_default().push(format!("{receiver}.len()"));
                    }
                }
                syn::Expr::Call(c) if calls_named(c, "from_raw_parts") || calls_named(c, "from_raw_parts_mut") => {
                    if let Some(len) = c.args.iter().nth(1).and_then(key) {
                        self.lengths.entry(name).or_default().push(len);
                    }
                }
                _ => {}
            }
        }
        syn::visit::visit_local(self, local);
    }

    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        // `for i in 0..v.len()` bounds `i` like `i < v.len()`.
        if let (syn::Pat::Ident(p), syn::Expr::Range(r)) = (&*f.pat, strip(&f.expr)) {
            if let Some(end) = &r.end {
                if matches!(r.limits, syn::RangeLimits::HalfOpen(_)) {
                    if let Some(end) = key(end) {
                        let at = self.at(f.for_token.span);
                        self.compare(at, p.ident.to_string(), Cmp::Lt, end);
                    }
                }
            }
        }
        syn::visit::visit_expr_for_loop(self, f);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        for e in syntax::macro_exprs(mac).unwrap_or_default() {
            self.visit_expr(&e);
        }
    }
}

fn strip_pat_type(pat: &syn::Pat) -> &syn::Pat {
    match pat {
        syn::Pat::Type(t) => strip_pat_type(&t.pat),
        other => other,
    }
}
