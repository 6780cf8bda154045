//! GT001 and GT002 on the flow engine: where the thread state is detached,
//! and which acquisitions (`PyEval_SaveThread`, `PyGILState_Ensure`,
//! `PyCriticalSection_Begin`) some path leaves without their release.
//!
//! The state at each point is "detached or not" (with the call that
//! detached, for the label) and the set of acquisitions that may still be
//! open. Acquisitions are matched to releases by their token: the variable
//! the result went into (`let gil = PyGILState_Ensure()`), or the critical
//! section's place (`&mut cs`). A token handed to anything else (a guard
//! struct, a field, a helper) is "guarded": its release is someone else's
//! business, and GT002 stays silent about it.
//!
//! Crate functions that only acquire or only release (`fn release_gil() ->
//! *mut PyThreadState { PyEval_SaveThread() }`) are summarised first and act
//! as the acquisition or release at their call sites; crate functions that
//! call one of their parameters while detached are detach helpers, like the
//! configured ones (`allow_threads`).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

use syn::spanned::Spanned;
use syn::visit_mut::VisitMut;

use crate::context::CrateContext;
use crate::diagnostic::Diagnostic;
use crate::flow::{self, Body, Cfg, Dest, Domain, Macros, NodeId, NodeKind};
use crate::index::FnItem;
use crate::source::SourceFile;
use crate::syntax;
use crate::walk;

pub(super) fn check(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    let macros = cx.index.macros();
    let mut analysis = Analysis {
        cx,
        macros,
        summaries: Summaries::default(),
        helpers: cx.settings.detach_helpers.iter().cloned().collect(),
        thread_macros: thread_state_macros(cx),
        needs: HashMap::new(),
    };
    // Summaries first (two rounds, so wrappers of wrappers are seen), then the report.
    for _ in 0..2 {
        let mut next = Summaries::default();
        for f in cx.index.fns.iter().filter(|f| !f.in_test && analysis.mentions_thread_state(f.block)) {
            let facts = analysis.analyse_fn(f, None);
            next.learn(cx, f, &facts);
        }
        analysis.helpers.extend(next.helpers.iter().cloned());
        analysis.summaries = next;
    }
    analysis.needs = api_users(&analysis);
    let mut findings = Findings::default();
    for f in cx.index.fns.iter().filter(|f| !f.in_test && analysis.mentions_thread_state(f.block)) {
        analysis.analyse_fn(f, Some(&mut findings));
        analysis.helper_macros(f, &mut findings);
    }
    findings.emit(cx, out);
}

/// What an acquisition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    /// `PyEval_SaveThread`: detaches.
    Save,
    /// `PyGILState_Ensure`: attaches.
    Ensure,
    /// `PyCriticalSection_Begin` / `PyCriticalSection2_Begin`.
    Critical,
}

impl Kind {
    fn release_name(self) -> &'static str {
        match self {
            Kind::Save => "PyEval_RestoreThread",
            Kind::Ensure => "PyGILState_Release",
            Kind::Critical => "PyCriticalSection_End",
        }
    }
}

/// What a call does to the thread state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Effect {
    Acquire(Kind),
    Release(Kind),
}

fn api_effect(name: &str) -> Option<Effect> {
    match name {
        "PyEval_SaveThread" => Some(Effect::Acquire(Kind::Save)),
        "PyEval_RestoreThread" => Some(Effect::Release(Kind::Save)),
        "PyGILState_Ensure" => Some(Effect::Acquire(Kind::Ensure)),
        "PyGILState_Release" => Some(Effect::Release(Kind::Ensure)),
        _ => {
            let upper = name.to_ascii_uppercase();
            if upper.starts_with("PYCRITICALSECTION") && upper.contains("_BEGIN") {
                Some(Effect::Acquire(Kind::Critical))
            } else if upper.starts_with("PYCRITICALSECTION") && upper.contains("_END") {
                Some(Effect::Release(Kind::Critical))
            } else {
                None
            }
        }
    }
}

/// One acquisition that may still be open.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Open {
    /// Byte range of the acquiring call.
    at: (usize, usize),
    kind: Kind,
    /// The variable or place holding its token, if known.
    token: Option<String>,
    /// Handed to something else that releases it (a guard, a field, a helper).
    guarded: bool,
    /// For `PyGILState_Ensure`: whether the thread state was detached before it.
    was_detached: Option<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct State {
    /// Where the thread state was detached, if it is detached on some path here.
    detached: Option<(usize, usize)>,
    open: BTreeSet<Open>,
}

/// Crate functions that act as an acquisition or a release, and detach helpers found in the crate.
#[derive(Default)]
struct Summaries {
    effects: HashMap<String, Effect>,
    helpers: HashSet<String>,
}

impl Summaries {
    fn learn(&mut self, cx: &CrateContext<'_>, f: &FnItem<'_>, facts: &Facts) {
        // Only free functions with a unique name: the call site is then unambiguous.
        if f.self_ty.is_some() || cx.index.fns_named(&f.name).count() != 1 || cx.api().get(&f.name).is_some() {
            return;
        }
        if let Some(kind) = facts.hands_over {
            self.effects.insert(f.name.clone(), Effect::Acquire(kind));
        } else if let Some(kind) = facts.releases_foreign {
            self.effects.insert(f.name.clone(), Effect::Release(kind));
        }
        if facts.calls_param_detached {
            self.helpers.insert(f.name.clone());
        }
    }
}

/// What one function's analysis learnt, for its summary.
#[derive(Default)]
struct Facts {
    /// Some exit hands an open acquisition of this kind to the caller (returned or stored).
    hands_over: Option<Kind>,
    /// It releases something it did not acquire.
    releases_foreign: Option<Kind>,
    /// It calls one of its parameters while detached.
    calls_param_detached: bool,
}

/// A GT001 finding before rendering.
struct DetachedCall {
    file: usize,
    call: Range<usize>,
    callee: String,
    /// The call (or helper) that detached.
    detached_at: Range<usize>,
    /// The secondary label at `detached_at`.
    label: &'static str,
    /// For a crate function call: the C-API call it makes.
    through: Option<String>,
}

/// A GT002 finding before rendering: one acquisition and one exit that skips its release.
struct Leak {
    file: usize,
    site: Range<usize>,
    kind: Kind,
    exit: Range<usize>,
}

#[derive(Default)]
struct Findings {
    detached_calls: Vec<DetachedCall>,
    leaks: Vec<Leak>,
}

impl Findings {
    fn emit(mut self, cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
        let mut seen = HashSet::new();
        self.detached_calls.sort_by_key(|c| (c.file, c.call.start));
        let leaked: HashSet<(usize, Range<usize>)> = self
            .leaks
            .iter()
            .filter(|l| l.kind == Kind::Save && cx.enabled("GT002"))
            .map(|l| (l.file, l.site.clone()))
            .collect();
        for DetachedCall { file: file_index, call: range, callee: name, detached_at, label, through } in
            self.detached_calls
        {
            if !cx.enabled("GT001") || !seen.insert((file_index, range.clone())) {
                continue;
            }
            if leaked.contains(&(file_index, detached_at.clone())) && !restored_later(cx, file_index, &range) {
                // Detached only because a path never restores: that one mistake is GT002's.
                continue;
            }
            let file = &cx.files[file_index];
            out.push(
                Diagnostic::new(
                    "GT001",
                    file.path(),
                    range,
                    match &through {
                        Some(api) => format!("`{name}` calls `{api}` while the thread state is detached"),
                        None => format!("`{name}` is called while the thread state is detached"),
                    },
                )
                .with_primary_label("needs an attached thread state (the GIL)")
                .with_label(file.path(), detached_at, label)
                .with_help(
                    "move the call before the thread state is detached or after it is restored: while detached, \
                     only code that touches no Python object may run",
                ),
            );
        }
        let mut by_site: HashMap<(usize, Range<usize>), (Kind, Range<usize>)> = HashMap::new();
        for Leak { file, site, kind, exit } in self.leaks {
            let entry = by_site.entry((file, site)).or_insert((kind, exit.clone()));
            if exit.start < entry.1.start {
                entry.1 = exit;
            }
        }
        let mut leaks: Vec<_> = by_site.into_iter().collect();
        leaks.sort_by_key(|((file, site), _)| (*file, site.start));
        for ((file_index, site), (kind, exit)) in leaks {
            if !cx.enabled("GT002") {
                continue;
            }
            let file = &cx.files[file_index];
            let text = &file.text()[site.clone()];
            let callee =
                text.split('(').next().unwrap_or("").rsplit("::").next().unwrap_or("").trim().trim_end_matches('!');
            let acquire = if callee.is_empty() { "the acquisition".to_string() } else { format!("`{callee}()`") };
            let release = match kind {
                Kind::Critical if callee.contains('2') => "PyCriticalSection2_End",
                _ => kind.release_name(),
            };
            out.push(
                Diagnostic::new(
                    "GT002",
                    file.path(),
                    site,
                    format!("{acquire} is not matched by `{release}` on every path"),
                )
                .with_primary_label("acquired here")
                .with_label(file.path(), exit, format!("leaves the function here without `{release}`"))
                .with_help(format!(
                    "call `{release}` before every return, or hold the token in an RAII guard whose `Drop` calls \
                     `{release}`, so early returns and `?` release it too"
                )),
            );
        }
    }
}

/// Whether `PyEval_RestoreThread` is written after `call` in the function that holds it: then the
/// call sits between a save and a restore, a mistake of its own; otherwise it is detached only on
/// paths that never restore, which GT002 already reports.
fn restored_later(cx: &CrateContext<'_>, file_index: usize, call: &Range<usize>) -> bool {
    let file = &cx.files[file_index];
    let body_end = cx
        .index
        .fns
        .iter()
        .filter(|f| f.file == file_index)
        .map(|f| file.range(f.block.span()))
        .filter(|r| r.start <= call.start && call.end <= r.end)
        .min_by_key(|r| r.len())
        .map(|r| r.end);
    match body_end {
        Some(end) => file.text().get(call.end..end).is_none_or(|rest| rest.contains("RestoreThread")),
        None => true,
    }
}

struct Analysis<'c, 'a> {
    cx: &'c CrateContext<'a>,
    macros: &'c Macros,
    summaries: Summaries,
    helpers: HashSet<String>,
    /// The crate's `macro_rules!` whose bodies acquire or release (expanded by the flow engine).
    thread_macros: HashSet<String>,
    /// Crate functions that call the C API without managing the thread state themselves:
    /// name -> the API call they make (directly or through another such function).
    needs: HashMap<String, String>,
}

impl Analysis<'_, '_> {
    /// Cheap pre-scan: does the body call anything this analysis follows?
    fn mentions_thread_state(&self, block: &syn::Block) -> bool {
        let mut found = false;
        walk::walk_block(block, &mut |node| {
            let name = match node {
                walk::Node::Expr(syn::Expr::Call(c)) => syntax::call_name(c),
                walk::Node::Expr(syn::Expr::MethodCall(m)) => Some(m.method.to_string()),
                walk::Node::Expr(syn::Expr::Macro(m)) => Some(syntax::macro_name(&m.mac)),
                walk::Node::Stmt(syn::Stmt::Macro(m)) => Some(syntax::macro_name(&m.mac)),
                _ => None,
            };
            if let Some(name) = name {
                found |= api_effect(&name).is_some()
                    || thread_macro_call(&name).is_some()
                    || self.helpers.contains(&name)
                    || self.thread_macros.contains(&name)
                    || self.summaries.effects.contains_key(&name);
            }
        });
        found
    }

    /// `allow_threads!{ .. }`: a macro named like a detach helper runs its body detached.
    fn helper_macros(&self, f: &FnItem<'_>, findings: &mut Findings) {
        let file_index = f.file;
        let file = &self.cx.files[file_index];
        walk::walk_block(f.block, &mut |node| {
            let mac = match node {
                walk::Node::Expr(syn::Expr::Macro(m)) => &m.mac,
                walk::Node::Stmt(syn::Stmt::Macro(m)) => &m.mac,
                _ => return,
            };
            if !self.helpers.contains(&syntax::macro_name(mac)) {
                return;
            }
            let Some(exprs) = syntax::macro_exprs(mac) else { return };
            let detached_at = file.range(mac.path.span());
            for e in &exprs {
                walk::walk_expr(e, &mut |inner| {
                    let walk::Node::Expr(syn::Expr::Call(call)) = inner else { return };
                    let Some(name) = syntax::call_name(call) else { return };
                    if self.cx.api().get(&name).is_some_and(|api| api.needs_thread_state) {
                        findings.detached_calls.push(DetachedCall {
                            file: file_index,
                            call: file.range(call.span()),
                            callee: name,
                            detached_at: detached_at.clone(),
                            label: "this macro runs its body with the thread state detached",
                            through: None,
                        });
                    }
                });
            }
        });
    }

    /// Analyse one function body (and the closures in it); report into `findings` when given.
    fn analyse_fn(&self, f: &FnItem<'_>, mut findings: Option<&mut Findings>) -> Facts {
        let file = &self.cx.files[f.file];
        let rewritten = rewrite_thread_macros(f.block);
        let block = rewritten.as_ref().unwrap_or(f.block);
        let body = Body::new(block, self.macros);
        let cfg = Cfg::of_body(&body);
        let params: HashSet<String> =
            flow::place::params(f.sig).into_iter().filter_map(|(id, _)| id.map(ToString::to_string)).collect();
        let file_index = self.cx.files.iter().position(|x| std::ptr::eq(x, file)).unwrap_or(0);
        let named = named_closures(block);
        let mut run = FnRun {
            file,
            file_index,
            params: &params,
            named: &named,
            facts: Facts::default(),
            findings: findings.take(),
        };
        self.analyse_cfg(&mut run, &cfg, None, 0);
        run.facts
    }

    /// Solve `cfg` (a function body, or a closure entered detached or not) and replay it with reporting.
    fn analyse_cfg(
        &self,
        run: &mut FnRun<'_, '_>,
        cfg: &Cfg<'_>,
        detached: Option<((usize, usize), bool)>,
        depth: usize,
    ) {
        let domain = ThreadDomain { analysis: self, file: run.file, entry_detached: detached.map(|d| d.0) };
        let Some(solution) = flow::solve(cfg, &domain) else { return };
        let helper_closure = detached.is_some_and(|d| d.1);
        for id in 0..cfg.nodes.len() {
            let Some(before) = solution.before(id) else { continue };
            let mut state = before.clone();
            let mut sink = Sink {
                file_index: run.file_index,
                facts: &mut run.facts,
                findings: run.findings.as_deref_mut(),
                helper_closure,
                params: run.params,
            };
            domain.step(cfg, id, &mut state, Some(&mut sink));
            // Closures: analysed as bodies of their own, detached when run by a helper or inside a region.
            if depth < 4 {
                for (closure, helper) in self.node_closures(run.file, cfg, id) {
                    let entry = match helper {
                        Some(range) => Some((range, true)),
                        None => before.detached.map(|d| (d, false)),
                    };
                    self.analyse_closure(run, closure, entry, depth);
                }
                // `let work = || ..; allow_threads(work)`: the named closure runs detached.
                for (name, range) in helper_path_args(run.file, cfg, id, &self.helpers) {
                    if let Some(closure) = run.named.get(&name).copied() {
                        self.analyse_closure(run, closure, Some((range, true)), depth);
                    }
                }
            }
        }
    }

    /// Analyse a closure as a body of its own, entered detached or not.
    fn analyse_closure(
        &self,
        run: &mut FnRun<'_, '_>,
        closure: &syn::ExprClosure,
        entry: Option<((usize, usize), bool)>,
        depth: usize,
    ) {
        let inner = Cfg::of_closure(closure);
        // What a closure hands over or releases is not the function's summary.
        let outer = std::mem::take(&mut run.facts);
        self.analyse_cfg(run, &inner, entry, depth + 1);
        let closure_facts = std::mem::replace(&mut run.facts, outer);
        run.facts.calls_param_detached |= closure_facts.calls_param_detached;
    }

    /// The closures a node evaluates (not those nested in other closures), with
    /// the range of the detach helper that runs each, if one does.
    fn node_closures<'b>(
        &self,
        file: &SourceFile,
        cfg: &Cfg<'b>,
        id: NodeId,
    ) -> Vec<(&'b syn::ExprClosure, Option<(usize, usize)>)> {
        let mut found = Vec::new();
        for e in node_exprs(cfg, id) {
            collect_closures(cfg, e, true, None, &self.helpers, file, &mut found);
        }
        found
    }
}

fn collect_closures<'b>(
    cfg: &Cfg<'b>,
    e: &'b syn::Expr,
    root: bool,
    helper: Option<(usize, usize)>,
    helpers: &HashSet<String>,
    file: &SourceFile,
    out: &mut Vec<(&'b syn::ExprClosure, Option<(usize, usize)>)>,
) {
    if !root && cfg.temp_of(e).is_some() {
        return;
    }
    match e {
        syn::Expr::Closure(c) => out.push((c, helper)),
        syn::Expr::Call(call) => {
            let is_helper = syntax::call_name(call).is_some_and(|n| helpers.contains(&n));
            let here = is_helper.then(|| span_pair(file, call.func.span()));
            for arg in &call.args {
                collect_closures(cfg, arg, false, here, helpers, file, out);
            }
        }
        syn::Expr::MethodCall(m) => {
            collect_closures(cfg, &m.receiver, false, None, helpers, file, out);
            let here = helpers.contains(&m.method.to_string()).then(|| span_pair(file, m.method.span()));
            for arg in &m.args {
                collect_closures(cfg, arg, false, here, helpers, file, out);
            }
        }
        syn::Expr::Paren(p) => collect_closures(cfg, &p.expr, false, helper, helpers, file, out),
        syn::Expr::Unsafe(u) => {
            for e in block_exprs(&u.block) {
                collect_closures(cfg, e, false, None, helpers, file, out);
            }
        }
        syn::Expr::Block(b) => {
            for e in block_exprs(&b.block) {
                collect_closures(cfg, e, false, None, helpers, file, out);
            }
        }
        other => {
            for child in flow::cfg::children(other) {
                collect_closures(cfg, child, false, None, helpers, file, out);
            }
        }
    }
}

/// Closures bound once to a name in a body (`let work = || ..;`); a name bound more than once is left out.
fn named_closures(block: &syn::Block) -> HashMap<String, &syn::ExprClosure> {
    use syn::visit::Visit;
    #[derive(Default)]
    struct Lets<'ast> {
        count: HashMap<String, usize>,
        closures: HashMap<String, &'ast syn::ExprClosure>,
    }
    impl<'ast> Visit<'ast> for Lets<'ast> {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            *self.count.entry(p.ident.to_string()).or_default() += 1;
            syn::visit::visit_pat_ident(self, p);
        }
        fn visit_local(&mut self, local: &'ast syn::Local) {
            if let (syn::Pat::Ident(id), Some(init)) = (&local.pat, &local.init) {
                if let syn::Expr::Closure(c) = &*init.expr {
                    self.closures.insert(id.ident.to_string(), c);
                }
            }
            syn::visit::visit_local(self, local);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut lets = Lets::default();
    lets.visit_block(block);
    let Lets { count, mut closures } = lets;
    closures.retain(|name, _| count.get(name) == Some(&1));
    closures
}

/// Plain names passed to a detach helper called in a node (`allow_threads(work)`), with the helper's range.
fn helper_path_args(
    file: &SourceFile,
    cfg: &Cfg<'_>,
    id: NodeId,
    helpers: &HashSet<String>,
) -> Vec<(String, (usize, usize))> {
    use syn::visit::Visit;
    struct Finder<'h, 'f> {
        helpers: &'h HashSet<String>,
        file: &'f SourceFile,
        out: Vec<(String, (usize, usize))>,
    }
    impl Finder<'_, '_> {
        fn take<'x>(&mut self, args: impl Iterator<Item = &'x syn::Expr>, range: (usize, usize)) {
            for arg in args {
                if let syn::Expr::Path(p) = arg {
                    if let Some(id) = p.path.get_ident() {
                        self.out.push((id.to_string(), range));
                    }
                }
            }
        }
    }
    impl<'ast> Visit<'ast> for Finder<'_, '_> {
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            if syntax::call_name(call).is_some_and(|n| self.helpers.contains(&n)) {
                let range = span_pair(self.file, call.func.span());
                self.take(call.args.iter(), range);
            }
            syn::visit::visit_expr_call(self, call);
        }
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            if self.helpers.contains(&m.method.to_string()) {
                let range = span_pair(self.file, m.method.span());
                self.take(m.args.iter(), range);
            }
            syn::visit::visit_expr_method_call(self, m);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder { helpers, file, out: Vec::new() };
    for e in node_exprs(cfg, id) {
        finder.visit_expr(e);
    }
    finder.out
}

fn span_pair(file: &SourceFile, span: proc_macro2::Span) -> (usize, usize) {
    let r = file.range(span);
    (r.start, r.end)
}

/// The expressions of a block that has no control flow (a single-tail `unsafe {}`, say).
fn block_exprs(block: &syn::Block) -> Vec<&syn::Expr> {
    block
        .stmts
        .iter()
        .filter_map(|s| match s {
            syn::Stmt::Expr(e, _) => Some(e),
            syn::Stmt::Local(l) => l.init.as_ref().map(|i| &*i.expr),
            _ => None,
        })
        .collect()
}

/// The expressions a node evaluates.
fn node_exprs<'b>(cfg: &Cfg<'b>, id: NodeId) -> Vec<&'b syn::Expr> {
    match cfg.node(id).kind {
        NodeKind::Eval { expr, .. } => vec![expr],
        NodeKind::Test(flow::Cond::Bool(c)) => vec![c],
        NodeKind::Test(flow::Cond::Let { scrutinee, .. }) => vec![scrutinee],
        NodeKind::Match { scrutinee, .. } => vec![scrutinee],
        NodeKind::Try { expr, .. } => vec![&expr.expr],
        NodeKind::Return { value: Some(v), .. } => vec![v],
        _ => Vec::new(),
    }
}

/// One function's analysis in progress.
struct FnRun<'r, 'f> {
    file: &'r SourceFile,
    file_index: usize,
    params: &'r HashSet<String>,
    /// Closures bound once to a name in the body, for detach helpers given that name.
    named: &'r HashMap<String, &'r syn::ExprClosure>,
    facts: Facts,
    findings: Option<&'f mut Findings>,
}

/// Where a sub-step reports.
struct Sink<'s, 'f> {
    file_index: usize,
    facts: &'s mut Facts,
    findings: Option<&'f mut Findings>,
    helper_closure: bool,
    params: &'s HashSet<String>,
}

struct ThreadDomain<'a, 'c, 'x> {
    analysis: &'a Analysis<'c, 'x>,
    file: &'a SourceFile,
    entry_detached: Option<(usize, usize)>,
}

impl<'b> Domain<'b> for ThreadDomain<'_, '_, '_> {
    type State = State;

    fn entry(&self, _: &Cfg<'b>) -> State {
        State { detached: self.entry_detached, open: BTreeSet::new() }
    }

    fn join(&self, into: &mut State, other: &State) {
        into.detached = match (into.detached, other.detached) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        into.open.extend(other.open.iter().cloned());
    }

    fn transfer(&self, cfg: &Cfg<'b>, node: NodeId, state: &mut State) {
        self.step(cfg, node, state, None);
    }
}

impl ThreadDomain<'_, '_, '_> {
    /// The effect of one node; with a sink, also what it reports.
    fn step(&self, cfg: &Cfg<'_>, node: NodeId, state: &mut State, mut sink: Option<&mut Sink<'_, '_>>) {
        let kind = cfg.node(node).kind;
        if let NodeKind::Return { value, at, .. } = kind {
            if let Some(v) = value {
                self.calls(cfg, v, state, sink.as_deref_mut());
            }
            self.exit(value, at, state, sink);
            return;
        }
        for e in node_exprs(cfg, node) {
            self.calls(cfg, e, state, sink.as_deref_mut());
        }
        if let NodeKind::Eval { expr, dest } = kind {
            self.bind(expr, dest, state);
        }
    }

    /// Walk the calls of `e` in evaluation order (arguments first), skipping
    /// closures and sub-expressions evaluated by earlier nodes.
    fn calls(&self, cfg: &Cfg<'_>, e: &syn::Expr, state: &mut State, mut sink: Option<&mut Sink<'_, '_>>) {
        for item in walk::eval_order(cfg, e) {
            if let walk::Evaluated::Call(call) = item {
                self.call(call, state, sink.as_deref_mut());
            }
        }
    }

    fn call(&self, call: &syn::ExprCall, state: &mut State, sink: Option<&mut Sink<'_, '_>>) {
        let Some(name) = syntax::call_name(call) else { return };
        let analysis = self.analysis;
        let range = self.file.range(call.span());
        if let Some(sink) = sink {
            if let Some(detached) = state.detached {
                let api_needs = analysis.cx.api().get(&name).is_some_and(|api| api.needs_thread_state);
                let through = if api_needs { None } else { analysis.needs.get(&name).cloned() };
                if api_needs || through.is_some() {
                    if let Some(findings) = sink.findings.as_deref_mut() {
                        findings.detached_calls.push(DetachedCall {
                            file: sink.file_index,
                            call: range.clone(),
                            callee: name.clone(),
                            detached_at: detached.0..detached.1,
                            label: if sink.helper_closure {
                                "this closure runs with the thread state detached"
                            } else {
                                "the thread state is detached here"
                            },
                            through,
                        });
                    }
                }
                if sink.params.contains(&name) && is_plain_ident_call(call) {
                    sink.facts.calls_param_detached = true;
                }
            }
            if let Some(Effect::Release(kind)) = api_effect(&name) {
                if !state.open.iter().any(|o| o.kind == kind) {
                    sink.facts.releases_foreign.get_or_insert(kind);
                }
            }
        }
        let effect = api_effect(&name).or_else(|| analysis.summaries.effects.get(&name).copied());
        match effect {
            Some(Effect::Acquire(kind)) => {
                let token = match kind {
                    Kind::Critical => call.args.first().and_then(token_of),
                    _ => None,
                };
                let was_detached = if kind == Kind::Ensure { state.detached } else { None };
                match kind {
                    Kind::Save => state.detached = Some((range.start, range.end)),
                    Kind::Ensure => state.detached = None,
                    Kind::Critical => {}
                }
                state.open.insert(Open { at: (range.start, range.end), kind, token, guarded: false, was_detached });
            }
            Some(Effect::Release(kind)) => {
                let token = call.args.first().and_then(token_of);
                let matching: Vec<Open> = state
                    .open
                    .iter()
                    .filter(|o| o.kind == kind && token.is_some() && o.token == token)
                    .cloned()
                    .collect();
                let released: Vec<Open> = if matching.is_empty() {
                    state.open.iter().filter(|o| o.kind == kind).cloned().collect()
                } else {
                    matching
                };
                for o in &released {
                    state.open.remove(o);
                }
                match kind {
                    Kind::Save => state.detached = None,
                    Kind::Ensure => {
                        state.detached = released.iter().filter_map(|o| o.was_detached).min();
                    }
                    Kind::Critical => {}
                }
            }
            None => {
                if is_drop_call(&name) {
                    // `drop(guard)`: a guard holding a token releases it.
                    if let Some(token) = call.args.first().and_then(token_of) {
                        let dropped: Vec<Open> =
                            state.open.iter().filter(|o| o.token.as_deref() == Some(&token)).cloned().collect();
                        for o in dropped {
                            state.open.remove(&o);
                            if o.kind == Kind::Save {
                                state.detached = None;
                            }
                        }
                    }
                }
            }
        }
    }

    /// After an `Eval` node: bind the token of an acquisition made by this node,
    /// and mark tokens the node hands to something else as guarded.
    fn bind(&self, expr: &syn::Expr, dest: Dest<'_>, state: &mut State) {
        let value = flow::place::peel(expr);
        let range = self.file.range(value.span());
        let whole_call = matches!(value, syn::Expr::Call(_));
        let target = match dest {
            Dest::Let(pat) => flow::place::pat_ident(pat).map(|i| i.to_string()),
            Dest::Assign(lhs) => flow::place::place_of(lhs).filter(|p| p.is_local()).map(|p| p.to_string()),
            _ => None,
        };
        let stored_elsewhere = matches!(dest, Dest::Assign(lhs) if flow::place::place_of(lhs).is_none_or(|p| !p.is_local() || p.is_static()));
        let mentioned = mentioned_tokens(expr, state);
        let mut updated = BTreeSet::new();
        for mut o in std::mem::take(&mut state.open) {
            let made_here = o.at.0 >= range.start && o.at.1 <= range.end;
            if made_here && o.kind == Kind::Critical {
                // Its token is the section argument, already known.
            } else if made_here {
                let exact = whole_call && (o.at.0, o.at.1) == (range.start, range.end);
                if exact && !stored_elsewhere {
                    o.token = target.clone();
                } else {
                    // `Guard(PyGILState_Ensure())`, `self.state = PyEval_SaveThread()`: someone else releases it.
                    o.guarded = true;
                    o.token = target.clone().or(o.token);
                }
            } else if o.token.as_ref().is_some_and(|t| mentioned.contains(t)) && !is_release_of(expr, &o) {
                o.guarded = true;
                if target.is_some() {
                    o.token = target.clone();
                }
            }
            updated.insert(o);
        }
        state.open = updated;
    }

    /// At a `Return`: acquisitions still open and not handed to the caller leak.
    fn exit(
        &self,
        value: Option<&syn::Expr>,
        at: proc_macro2::Span,
        state: &mut State,
        sink: Option<&mut Sink<'_, '_>>,
    ) {
        let Some(sink) = sink else { return };
        let mentioned = value.map(|v| mentioned_tokens(v, state)).unwrap_or_default();
        let value_range = value.map(|v| self.file.range(v.span()));
        for o in &state.open {
            let returned = o.token.as_ref().is_some_and(|t| mentioned.contains(t))
                || value_range.as_ref().is_some_and(|r| o.at.0 >= r.start && o.at.1 <= r.end);
            if returned || o.guarded {
                sink.facts.hands_over.get_or_insert(o.kind);
                continue;
            }
            if let Some(findings) = sink.findings.as_deref_mut() {
                findings.leaks.push(Leak {
                    file: sink.file_index,
                    site: o.at.0..o.at.1,
                    kind: o.kind,
                    exit: self.file.range(at),
                });
            }
        }
    }
}

/// The token an argument names: `state`, `&mut cs`, `cs.as_mut_ptr()`, `&raw mut self.cs`.
fn token_of(e: &syn::Expr) -> Option<String> {
    let mut e = flow::place::peel(e);
    loop {
        e = match e {
            syn::Expr::Reference(r) => &r.expr,
            syn::Expr::RawAddr(r) => &r.expr,
            syn::Expr::Cast(c) => &c.expr,
            syn::Expr::Paren(p) => &p.expr,
            syn::Expr::MethodCall(m) if m.args.is_empty() => &m.receiver,
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => &u.expr,
            _ => break,
        };
    }
    flow::place::place_of(e).map(|p| p.to_string())
}

/// Tokens of open acquisitions that `e` mentions (as a path or the root of a field path).
fn mentioned_tokens(e: &syn::Expr, state: &State) -> HashSet<String> {
    let tokens: HashSet<&str> = state.open.iter().filter_map(|o| o.token.as_deref()).collect();
    let mut found = HashSet::new();
    if tokens.is_empty() {
        return found;
    }
    walk::walk_expr(e, &mut |node| {
        if let walk::Node::Expr(x) = node {
            if matches!(x, syn::Expr::Path(_) | syn::Expr::Field(_)) {
                if let Some(p) = flow::place::place_of(x) {
                    let text = p.to_string();
                    if tokens.contains(text.as_str()) {
                        found.insert(text);
                    }
                }
            }
        }
    });
    found
}

/// Whether `e` is (or wraps) the release call of `o`.
fn is_release_of(e: &syn::Expr, o: &Open) -> bool {
    let mut found = false;
    walk::walk_expr(e, &mut |node| {
        if let walk::Node::Expr(syn::Expr::Call(c)) = node {
            if let Some(Effect::Release(kind)) = syntax::call_name(c).as_deref().and_then(api_effect) {
                found |= kind == o.kind;
            }
        }
    });
    found
}

fn is_drop_call(name: &str) -> bool {
    name == "drop"
}

/// `f()` with a bare identifier as the callee (a parameter holding a closure, say).
fn is_plain_ident_call(call: &syn::ExprCall) -> bool {
    matches!(&*call.func, syn::Expr::Path(p) if p.path.segments.len() == 1)
}

/// Crate functions (free, uniquely named) that call the C API and leave the thread
/// state alone: calling one while detached is calling the C API while detached.
fn api_users(analysis: &Analysis<'_, '_>) -> HashMap<String, String> {
    let cx = analysis.cx;
    let candidates: Vec<&FnItem<'_>> = cx
        .index
        .fns
        .iter()
        .filter(|f| f.self_ty.is_none() && !f.in_test && cx.index.fns_named(&f.name).count() == 1)
        .filter(|f| cx.api().get(&f.name).is_none() && !analysis.mentions_thread_state(f.block))
        .collect();
    let mut needs: HashMap<String, String> = HashMap::new();
    for _ in 0..3 {
        for f in &candidates {
            if needs.contains_key(&f.name) {
                continue;
            }
            if let Some(api) = direct_api_need(cx, f.block, &needs) {
                needs.insert(f.name.clone(), api);
            }
        }
    }
    needs
}

/// The first call (outside closures) in `block` to an API needing a thread state, or to a known API user.
fn direct_api_need(cx: &CrateContext<'_>, block: &syn::Block, needs: &HashMap<String, String>) -> Option<String> {
    struct Finder<'a, 'c> {
        cx: &'a CrateContext<'c>,
        needs: &'a HashMap<String, String>,
        found: Option<String>,
    }
    impl<'ast> syn::visit::Visit<'ast> for Finder<'_, '_> {
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            if self.found.is_none() {
                if let Some(name) = syntax::call_name(call) {
                    if self.cx.api().get(&name).is_some_and(|api| api.needs_thread_state) {
                        self.found = Some(name);
                    } else if let Some(api) = self.needs.get(&name) {
                        self.found = Some(api.clone());
                    }
                }
            }
            syn::visit::visit_expr_call(self, call);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if let Some(exprs) = syntax::macro_exprs(mac) {
                for e in &exprs {
                    self.visit_expr(e);
                }
            }
        }
    }
    let mut finder = Finder { cx, needs, found: None };
    syn::visit::Visit::visit_block(&mut finder, block);
    finder.found
}

/// Names of the crate's `macro_rules!` that mention an acquisition or release.
fn thread_state_macros(cx: &CrateContext<'_>) -> HashSet<String> {
    struct Finder(HashSet<String>);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_item_macro(&mut self, item: &'ast syn::ItemMacro) {
            if let (true, Some(name)) = (item.mac.path.is_ident("macro_rules"), &item.ident) {
                let text = item.mac.tokens.to_string();
                if ["PyEval_SaveThread", "PyEval_RestoreThread", "PyGILState_", "PyCriticalSection"]
                    .iter()
                    .any(|w| text.contains(w))
                {
                    self.0.insert(name.to_string());
                }
            }
        }
    }
    let mut finder = Finder(HashSet::new());
    for file in cx.files {
        syn::visit::Visit::visit_file(&mut finder, &file.ast);
    }
    finder.0
}

/// The call a C-style thread-state macro stands for.
fn thread_macro_call(name: &str) -> Option<&'static str> {
    let upper = name.to_ascii_uppercase();
    if upper.ends_with("BEGIN_ALLOW_THREADS") || upper.ends_with("UNBLOCK_THREADS") {
        Some("PyEval_SaveThread")
    } else if upper.ends_with("END_ALLOW_THREADS") || upper.ends_with("BLOCK_THREADS") {
        Some("PyEval_RestoreThread")
    } else if upper.contains("BEGIN_CRITICAL_SECTION2") {
        Some("PyCriticalSection2_Begin")
    } else if upper.contains("BEGIN_CRITICAL_SECTION") {
        Some("PyCriticalSection_Begin")
    } else if upper.contains("END_CRITICAL_SECTION2") {
        Some("PyCriticalSection2_End")
    } else if upper.contains("END_CRITICAL_SECTION") {
        Some("PyCriticalSection_End")
    } else {
        None
    }
}

/// Replace `Py_BEGIN_ALLOW_THREADS!()`-style invocations (macros the crate does
/// not define) by the calls they stand for; `None` when there are none.
fn rewrite_thread_macros(block: &syn::Block) -> Option<syn::Block> {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_macro(&mut self, m: &'ast syn::Macro) {
            self.0 |= thread_macro_call(&syntax::macro_name(m)).is_some();
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_block(&mut finder, block);
    if !finder.0 {
        return None;
    }
    struct Rewriter;
    impl Rewriter {
        fn replacement(mac: &syn::Macro) -> Option<syn::Expr> {
            let callee = thread_macro_call(&syntax::macro_name(mac))?;
            let span = mac.path.span();
            let func = syn::Ident::new(callee, span);
            let args = &mac.tokens;
            // The token travels in a variable of the expansion, as in C's `_save`.
            let args: proc_macro2::TokenStream = if args.is_empty() && callee.ends_with("RestoreThread") {
                quote::quote_spanned!(span=> _save)
            } else if args.is_empty() || callee.ends_with("_End") {
                quote::quote_spanned!(span=> &mut _cs)
            } else {
                quote::quote_spanned!(span=> &mut _cs, #args)
            };
            let args = if callee == "PyEval_SaveThread" { proc_macro2::TokenStream::new() } else { args };
            syn::parse2(quote::quote_spanned!(span=> #func(#args))).ok()
        }
    }
    impl VisitMut for Rewriter {
        fn visit_stmt_mut(&mut self, stmt: &mut syn::Stmt) {
            if let syn::Stmt::Macro(m) = stmt {
                if let Some(call) = Self::replacement(&m.mac) {
                    *stmt = if syntax::macro_name(&m.mac).to_ascii_uppercase().ends_with("BEGIN_ALLOW_THREADS") {
                        syn::parse_quote_spanned!(m.mac.path.span()=> let _save = #call;)
                    } else {
                        syn::Stmt::Expr(call, Some(Default::default()))
                    };
                    return;
                }
            }
            syn::visit_mut::visit_stmt_mut(self, stmt);
        }
        fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
            if let syn::Expr::Macro(m) = e {
                if let Some(call) = Self::replacement(&m.mac) {
                    *e = call;
                    return;
                }
            }
            syn::visit_mut::visit_expr_mut(self, e);
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    let mut owned = block.clone();
    Rewriter.visit_block_mut(&mut owned);
    Some(owned)
}
