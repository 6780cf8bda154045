//! Reference counting: RC001-RC008, clients of the [`flow`](crate::flow)
//! engine with the domain in [`domain`]. Crate functions are summarised
//! first ([`summary`]) so calls to them are judged like C-API calls.

pub mod domain;
pub mod fixes;
pub mod formats;
pub mod summary;

use std::cell::RefCell;
use std::collections::HashMap;

use crate::context::CrateContext;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::flow::{self, Body, Cfg, Macros};
use crate::index::FnItem;
use crate::registry::Rule;

use domain::{ExitRecord, Finding, FnFacts, RcDomain};
pub use summary::{FnSummary, ParamEffect, Summaries};

pub const RULES: &[Rule] = &[
    declare_rule!(
        "RC001",
        "new-ref-leak",
        Refcount,
        Error,
        "A new reference is not released, returned, stored or handed on, on some path out of the function"
    ),
    declare_rule!(
        "RC002",
        "new-ref-temporary",
        Refcount,
        Error,
        "A call returning a new reference is used without being bound, so nothing can release it"
    ),
    declare_rule!(
        "RC003",
        "decref-borrowed",
        Refcount,
        Error,
        "A borrowed reference the function never owned is released"
    ),
    declare_rule!(
        "RC004",
        "use-after-release",
        Refcount,
        Error,
        "A pointer is used or released again after the function released its reference"
    ),
    declare_rule!(
        "RC005",
        "steal-misuse",
        Refcount,
        Error,
        "A stealing API is given a reference the function does not own, or leaks it when it fails"
    ),
    declare_rule!(
        "RC006",
        "borrowed-return",
        Refcount,
        Error,
        "A callback returns a borrowed reference where CPython expects a new one"
    ),
    declare_rule!(
        "RC007",
        "unchecked-null",
        Refcount,
        Warning,
        "The result of an API that can return NULL is used before it is checked"
    ),
    declare_rule!(
        "RC008",
        "non-object-decref",
        Refcount,
        Error,
        "A reference-count operation is applied to a pointer that is not a Python object"
    ),
];

pub fn check(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    let macros = cx.index.macros();
    let mut summaries = Summaries::compute(cx, macros);
    for (index, f) in cx.index.fns.iter().enumerate() {
        // A callback returning an object can break RC006 without calling anything.
        let returns_object = matches!(&f.sig.output, syn::ReturnType::Type(_, ty) if crate::syntax::is_object_ptr(ty));
        if !(touches_capi(cx, f, &summaries) || returns_object && cx.index.is_callback(f)) {
            continue;
        }
        let findings = match summaries.take_findings(index) {
            Some(found) => found,
            None => {
                let mut found = Vec::new();
                analyse_fn(cx, f, &summaries, macros, Some(&mut found));
                found
            }
        };
        let file = &cx.files[f.file];
        for finding in findings {
            if !cx.enabled(finding.code) {
                continue;
            }
            let fix = fixes::fix_for(file, finding.code, &finding.range);
            let mut d = Diagnostic::new(finding.code, file.path(), finding.range, finding.message)
                .with_primary_label(finding.label)
                .with_help(finding.help);
            d.fix = fix;
            for (range, text) in finding.labels {
                if range.end > range.start {
                    d = d.with_label(file.path(), range, text);
                }
            }
            out.push(d);
        }
    }
}

/// Cheap pre-scan: does the body call a C-API function or a summarised crate function?
pub fn touches_capi(cx: &CrateContext<'_>, f: &FnItem<'_>, summaries: &Summaries) -> bool {
    flow::calls_any(f.block, |name| cx.api().get(name).is_some() || summaries.get(name).is_some())
}

/// Run the refcount domain over one function (and its closures). With
/// `findings`, report into it; returns the function's exits (for summaries),
/// or `None` when the analysis did not settle.
pub fn analyse_fn(
    cx: &CrateContext<'_>,
    f: &FnItem<'_>,
    summaries: &Summaries,
    macros: &Macros,
    findings: Option<&mut Vec<Finding>>,
) -> Option<Vec<ExitRecord>> {
    let file = &cx.files[f.file];
    let body = Body::new(f.block, macros);
    let cfg = Cfg::of_body(&body);
    let params = f
        .sig
        .inputs
        .iter()
        .filter_map(|arg| match arg {
            syn::FnArg::Typed(t) => Some((
                flow::place::pat_ident(&t.pat).map(|i| i.to_string()),
                crate::syntax::is_object_ptr(&t.ty),
                file.range(syn::spanned::Spanned::span(&t.pat)),
            )),
            syn::FnArg::Receiver(_) => None,
        })
        .collect();
    let returns_object = match &f.sig.output {
        syn::ReturnType::Type(_, ty) => crate::syntax::is_object_ptr(ty),
        syn::ReturnType::Default => false,
    };
    let facts = FnFacts {
        params,
        discarded_calls: discarded_calls(file, f.block),
        is_callback: cx.index.is_callback(f),
        returns_object,
    };
    let domain = new_domain(cx, f, summaries, facts);
    let exits = run(&domain, &cfg)?;
    if let Some(out) = findings {
        out.extend(domain.findings.borrow_mut().take().unwrap_or_default());
        for closure in &cfg.closures {
            analyse_closure(cx, f, closure, &domain.facts, summaries, out);
        }
    }
    Some(exits)
}

/// Solve, then replay every reachable node once with reporting on.
fn run(domain: &RcDomain<'_>, cfg: &Cfg<'_>) -> Option<Vec<ExitRecord>> {
    let solution = flow::solve(cfg, domain)?;
    *domain.findings.borrow_mut() = Some(Vec::new());
    let rpo = cfg.reverse_postorder();
    let mut order = vec![usize::MAX; cfg.nodes.len()];
    for (i, id) in rpo.iter().enumerate() {
        order[*id] = i;
    }
    for &id in &rpo {
        if let Some(before) = solution.before(id) {
            let mut state = before.clone();
            flow::Domain::transfer(domain, cfg, id, &mut state);
            domain.back_edge_leaks(cfg, id, &state, &order, &solution);
        }
    }
    Some(domain.exits.take())
}

/// A closure is a body of its own. It sees the enclosing function's object
/// parameters it captures (a callback's stay borrowed); a closure without
/// inputs inside a callback is taken as its body (`catch_unwind(|| ..)`), so
/// what it returns is what the callback returns.
fn analyse_closure(
    cx: &CrateContext<'_>,
    f: &FnItem<'_>,
    closure: &syn::ExprClosure,
    outer: &FnFacts,
    summaries: &Summaries,
    out: &mut Vec<Finding>,
) {
    let cfg = Cfg::of_closure(closure);
    // A captured parameter stays the caller's borrowed reference, unless the
    // outer body took a reference for the closure (`Py_INCREF(cb)`) or re-bound
    // the name (`let target = Py_NewRef(target)`): then it is not judged.
    let inputs: Vec<String> =
        closure.inputs.iter().flat_map(flow::place::pat_bindings).map(|i| i.to_string()).collect();
    let retaken = retaken_names(cx, f.block);
    let params = outer
        .params
        .iter()
        .filter(|(name, _, _)| name.as_ref().is_some_and(|n| !inputs.contains(n) && !retaken.contains(n)))
        .cloned()
        .collect();
    let facts = FnFacts {
        params,
        discarded_calls: outer.discarded_calls.clone(),
        is_callback: outer.is_callback,
        returns_object: outer.returns_object && closure.inputs.is_empty(),
    };
    let domain = new_domain(cx, f, summaries, facts);
    if run(&domain, &cfg).is_some() {
        out.extend(domain.findings.borrow_mut().take().unwrap_or_default());
    }
    for inner in &cfg.closures {
        analyse_closure(cx, f, inner, &domain.facts, summaries, out);
    }
}

fn new_domain<'a>(cx: &'a CrateContext<'_>, f: &FnItem<'_>, summaries: &'a Summaries, facts: FnFacts) -> RcDomain<'a> {
    RcDomain {
        api: cx.api(),
        summaries,
        file: &cx.files[f.file],
        facts,
        sites: RefCell::new(HashMap::new()),
        findings: RefCell::new(None),
        exits: RefCell::new(Vec::new()),
        rebinding: RefCell::new(None),
    }
}

/// Names a body re-binds with `let` or passes to an incref (`Py_INCREF(x)`,
/// `Py_NewRef(x)`): a closure capturing them may own what it captures.
fn retaken_names(cx: &CrateContext<'_>, block: &syn::Block) -> std::collections::HashSet<String> {
    use crate::capi::RefOp;
    struct Finder<'c> {
        api: &'c crate::capi::ApiTable,
        names: std::collections::HashSet<String>,
    }
    impl<'ast> syn::visit::Visit<'ast> for Finder<'_> {
        fn visit_local(&mut self, local: &'ast syn::Local) {
            self.names.extend(flow::place::pat_bindings(&local.pat).into_iter().map(|i| i.to_string()));
            syn::visit::visit_local(self, local);
        }
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            let increfs = crate::syntax::call_name(call).and_then(|n| self.api.get(&n)).is_some_and(|api| {
                matches!(api.refop, Some(RefOp::Incref | RefOp::XIncref | RefOp::NewRef | RefOp::XNewRef))
            });
            if increfs {
                for arg in &call.args {
                    if let Some(p) = flow::place::place_of(arg) {
                        self.names.insert(p.root);
                    }
                }
            }
            syn::visit::visit_expr_call(self, call);
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if let Some(exprs) = crate::syntax::macro_exprs(mac) {
                for e in &exprs {
                    self.visit_expr(e);
                }
            }
        }
    }
    let mut finder = Finder { api: cx.api(), names: Default::default() };
    syn::visit::Visit::visit_block(&mut finder, block);
    finder.names
}

/// Start offsets of the calls whose value `block` throws away: expression
/// statements and `let _ = ..`, through `unsafe { .. }` blocks.
fn discarded_calls(file: &crate::source::SourceFile, block: &syn::Block) -> std::collections::HashSet<usize> {
    let mut found = std::collections::HashSet::new();
    crate::walk::walk_block(block, &mut |node| {
        let expr = match node {
            crate::walk::Node::Stmt(syn::Stmt::Expr(e, Some(_))) => e,
            crate::walk::Node::Stmt(syn::Stmt::Local(local)) if matches!(local.pat, syn::Pat::Wild(_)) => {
                match &local.init {
                    Some(init) => &*init.expr,
                    None => return,
                }
            }
            _ => return,
        };
        if let syn::Expr::Call(call) = flow::place::peel(expr) {
            found.insert(file.range(syn::spanned::Spanned::span(call)).start);
        }
    });
    found
}
