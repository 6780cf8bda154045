//! EI001 on the flow engine: along every path of a callback, is an exception
//! set when it returns its error sentinel (NULL, or -1)?
//!
//! The state is the set of possibilities for the error indicator on the paths
//! reaching a point (not set, set, unknown) plus what is known of the locals
//! that hold call results: which call produced them (its failure convention)
//! and whether a branch showed them NULL or -1. Branches on a result refine
//! the indicator: the failure branch of an API that raises has an exception
//! set; the NULL branch of `PyIter_Next` or `PyDict_GetItemWithError` does not
//! (unless `PyErr_Occurred()` says so). Crate functions get summaries from the
//! same analysis: "sets an exception when it fails", "always sets one", or
//! "never touches the indicator". Whatever the analysis cannot see (an unknown
//! callee whose result is tested, an unreadable macro, a closure calling the C
//! API) makes the indicator unknown, and unknown never reports.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use syn::spanned::Spanned;

use crate::capi::Failure;
use crate::context::CrateContext;
use crate::diagnostic::Diagnostic;
use crate::flow::cond::{self, Presence};
use crate::flow::place::{self, peel, peel_alias};
use crate::flow::{self, Body, Cfg, Cond, Dest, Domain, Edge, EdgeKind, Macros, NodeId, NodeKind};
use crate::index::FnItem;
use crate::source::SourceFile;
use crate::syntax;
use crate::walk::{self, Evaluated};

pub(super) fn check(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    let macros = cx.index.macros();
    let mut summaries = HashMap::new();
    // Summaries are read at call sites only: functions nobody calls need none.
    let called = cx.index.called_names();
    let summarised: Vec<&FnItem<'_>> =
        cx.index.fns.iter().filter(|f| !f.in_test && called.contains(f.name.as_str())).collect();
    // Bottom-up enough for helpers of helpers: up to three rounds, until nothing changes.
    for _ in 0..3 {
        let analysis = Analysis { cx, macros, summaries: &summaries };
        let mut next = HashMap::new();
        for f in &summarised {
            if let Some(summary) = analysis.summarise(f) {
                next.insert(f.name.clone(), summary);
            }
        }
        let next = merge_by_name(cx, next);
        let settled = next == summaries;
        summaries = next;
        if settled {
            break;
        }
    }
    let analysis = Analysis { cx, macros, summaries: &summaries };
    for f in cx.index.callback_fns().filter(|f| !f.in_test) {
        if exempt(cx, &f.name) {
            continue;
        }
        let Some(sentinel) = Sentinel::of(f.sig) else { continue };
        analysis.report(f, sentinel, out);
    }
}

/// Callbacks whose NULL or -1 does not mean "exception set".
fn exempt(cx: &CrateContext<'_>, name: &str) -> bool {
    let callbacks = &cx.index.callbacks;
    callbacks.is_iternext(name)
        || ["tp_traverse", "m_traverse", "tp_clear", "m_clear"].iter().any(|slot| callbacks.fills(name, slot))
}

/// A function's error return value, from its signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sentinel {
    /// A pointer: NULL.
    Null,
    /// A signed integer (`c_int`, `Py_ssize_t`, `Py_hash_t`): -1.
    MinusOne,
    /// `bool`: false (crate helpers only).
    False,
    /// `Option`: `None`; `Result`: `Err(..)` (crate helpers only).
    Absent,
}

impl Sentinel {
    fn of(sig: &syn::Signature) -> Option<Self> {
        let syn::ReturnType::Type(_, ty) = &sig.output else { return None };
        match &**ty {
            syn::Type::Ptr(_) => Some(Sentinel::Null),
            syn::Type::Path(p) => {
                let name = syntax::last_segment(&p.path)?;
                match name.as_str() {
                    "c_int" | "i32" | "c_long" | "i64" | "isize" | "Py_ssize_t" | "Py_hash_t" | "c_longlong" => {
                        Some(Sentinel::MinusOne)
                    }
                    "bool" => Some(Sentinel::False),
                    "Option" | "Result" | "PyResult" => Some(Sentinel::Absent),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Sentinel::Null => "NULL",
            Sentinel::MinusOne => "-1",
            Sentinel::False => "false",
            Sentinel::Absent => "an error",
        }
    }
}

/// How a crate function leaves the error indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Summary {
    /// Its failure value (by its [`Sentinel`]) comes with an exception set.
    SetsOnFailure(Sentinel),
    /// Every path out of it sets an exception (`fn type_error(msg) -> *mut PyObject`).
    AlwaysSets,
    /// It never sets one (no C-API call that could).
    Never,
    /// Its failure value may come without an exception (or the analysis cannot tell).
    Unknown,
}

/// Functions of the same name (methods of different types) share a summary only when they agree.
fn merge_by_name(cx: &CrateContext<'_>, found: HashMap<String, Summary>) -> HashMap<String, Summary> {
    let mut merged = HashMap::new();
    for (name, summary) in found {
        let all_agree = cx.index.fns_named(&name).count() == 1;
        merged.insert(name, if all_agree { summary } else { Summary::Unknown });
    }
    merged
}

/// Possibilities for the error indicator on the paths reaching a point.
const NOT_SET: u8 = 1;
const SET: u8 = 2;
const UNKNOWN: u8 = 4;

/// How a value that came from a call reports failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Origin {
    /// NULL with an exception set.
    NullSets,
    /// NULL that may mean "absent, no exception" (`PyIter_Next`).
    NullAbsent,
    /// -1 (or 0 for `PyArg_Parse*`) with an exception set; the API's name judges the branches.
    Status { zero: bool, predicate: bool },
    /// `false` / `None` / `Err` of a crate helper that sets an exception when it fails.
    HelperFails(SentinelKey),
    /// `PyErr_Occurred()`: non-NULL exactly when an exception is set.
    Occurred,
    /// A callee the analysis cannot see: testing it may mean an exception was set.
    Unknown,
    /// An object that cannot be NULL (`PyBool_FromLong`, `Py_NewRef(x)`).
    NeverNull,
}

/// [`Sentinel`] with an order, for use in states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum SentinelKey {
    Null,
    MinusOne,
    False,
    Absent,
}

impl From<Sentinel> for SentinelKey {
    fn from(s: Sentinel) -> Self {
        match s {
            Sentinel::Null => SentinelKey::Null,
            Sentinel::MinusOne => SentinelKey::MinusOne,
            Sentinel::False => SentinelKey::False,
            Sentinel::Absent => SentinelKey::Absent,
        }
    }
}

/// What is known of a local's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Known {
    Any,
    Null,
    NotNull,
    MinusOne,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Val {
    origin: Option<Origin>,
    known: Known,
    /// The byte range of the call that produced it.
    site: Option<(usize, usize)>,
}

impl Val {
    const UNKNOWN: Val = Val { origin: None, known: Known::Any, site: None };
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    indicator: u8,
    vals: BTreeMap<String, Val>,
    /// The NULL of a "no result" call (`PyIter_Next`) this path went through, for the label.
    absent: Option<(usize, usize)>,
}

impl State {
    fn set(&mut self) {
        self.indicator = SET;
        self.absent = None;
    }

    fn clear(&mut self) {
        self.indicator = NOT_SET;
    }

    /// Something may have set an exception the analysis cannot see.
    fn blur(&mut self) {
        if self.indicator & NOT_SET != 0 {
            self.indicator = (self.indicator & !NOT_SET) | UNKNOWN;
        }
    }
}

struct Analysis<'a, 'c> {
    cx: &'a CrateContext<'c>,
    macros: &'a Macros,
    summaries: &'a HashMap<String, Summary>,
}

/// One return of a body, as the analysis saw it.
struct Exit {
    indicator: u8,
    sentinel: bool,
    /// The returned value is a call result that raises on failure (`return PyObject_Repr(x)`).
    propagated: bool,
    at: Range<usize>,
    absent: Option<(usize, usize)>,
}

impl Analysis<'_, '_> {
    /// The exits of `f`'s body with the indicator at each; `None` when the body did not settle.
    fn exits(&self, f: &FnItem<'_>, sentinel: Option<Sentinel>) -> Option<Vec<Exit>> {
        let file = &self.cx.files[f.file];
        let body = Body::new(f.block, self.macros);
        let cfg = Cfg::of_body(&body);
        let domain = ErrDomain { analysis: self, file };
        let solution = flow::solve(&cfg, &domain)?;
        let mut exits = Vec::new();
        for id in 0..cfg.nodes.len() {
            let NodeKind::Return { value, at, kind } = cfg.node(id).kind else { continue };
            if kind == flow::ReturnKind::Try {
                continue;
            }
            let Some(before) = solution.before(id) else { continue };
            let mut state = before.clone();
            if let Some(v) = value {
                domain.eval(&cfg, v, &mut state);
            }
            let (is_sentinel, propagated) = match (sentinel, value) {
                (Some(s), Some(v)) => (domain.is_sentinel(s, v, &state), domain.propagates(s, v, &state)),
                _ => (false, false),
            };
            let at = value.map_or_else(|| file.range(at), |v| file.range(v.span()));
            exits.push(Exit {
                indicator: state.indicator,
                sentinel: is_sentinel,
                propagated,
                at,
                absent: state.absent,
            });
        }
        Some(exits)
    }

    fn summarise(&self, f: &FnItem<'_>) -> Option<Summary> {
        let sentinel = Sentinel::of(f.sig);
        if !self.touches_indicator(f.block) {
            return Some(Summary::Never);
        }
        let Some(exits) = self.exits(f, sentinel) else { return Some(Summary::Unknown) };
        if !exits.is_empty() && exits.iter().all(|e| e.indicator == SET) {
            return Some(Summary::AlwaysSets);
        }
        let Some(sentinel) = sentinel else { return Some(Summary::Unknown) };
        let failing: Vec<&Exit> = exits.iter().filter(|e| e.sentinel).collect();
        let clean = failing.iter().all(|e| e.indicator == SET);
        Some(if clean && (!failing.is_empty() || exits.iter().any(|e| e.propagated)) {
            Summary::SetsOnFailure(sentinel)
        } else {
            Summary::Unknown
        })
    }

    /// Whether a body calls anything that can set or clear an exception (C-API or crate helpers).
    fn touches_indicator(&self, block: &syn::Block) -> bool {
        let touches = |name: &str| {
            self.cx.api().get(name).is_some_and(|api| api.failure != Failure::Never || api.sets_exception)
                || matches!(self.summaries.get(name), Some(s) if *s != Summary::Never)
                || (self.cx.index.fns_named(name).next().is_some() && !self.summaries.contains_key(name))
                || CLEARERS.contains(&name)
                || RESTORERS.contains(&name)
                || sounds_like_raising(name)
        };
        let mut found = false;
        walk::walk_block(block, &mut |node| {
            found |= match node {
                walk::Node::Expr(syn::Expr::Call(c)) => syntax::call_name(c).is_some_and(|n| touches(&n)),
                walk::Node::Expr(syn::Expr::MethodCall(m)) => touches(&m.method.to_string()),
                // A macro may expand to anything (the crate's own `raise!`, say).
                walk::Node::Expr(syn::Expr::Macro(m)) => !is_std_macro(&m.mac),
                walk::Node::Stmt(syn::Stmt::Macro(m)) => !is_std_macro(&m.mac),
                _ => false,
            };
        });
        found
    }

    fn report(&self, f: &FnItem<'_>, sentinel: Sentinel, out: &mut Vec<Diagnostic>) {
        let Some(exits) = self.exits(f, Some(sentinel)) else { return };
        let file = &self.cx.files[f.file];
        for exit in exits.into_iter().filter(|e| e.sentinel && e.indicator & NOT_SET != 0) {
            let what = sentinel.describe();
            let mut d = Diagnostic::new(
                "EI001",
                file.path(),
                exit.at,
                format!("`{}` returns {what} without setting an exception", f.name),
            )
            .with_primary_label(format!("{what} tells CPython an exception is set, but none is on this path"))
            .with_help(
                "set an exception before returning the error value (`PyErr_SetString(PyExc_ValueError, c\"..\".as_ptr())`), \
                 or return a valid result",
            );
            if let Some((start, end)) = exit.absent {
                let callee = file.text()[start..end].split('(').next().unwrap_or("").rsplit("::").next().unwrap_or("");
                d = d.with_label(
                    file.path(),
                    start..end,
                    format!("`{}` returns NULL without an exception when there is no result", callee.trim()),
                );
            }
            out.push(d);
        }
    }
}

/// Calls that leave no exception set.
const CLEARERS: &[&str] = &[
    "PyErr_Clear",
    "PyErr_Fetch",
    "PyErr_GetRaisedException",
    "PyErr_Print",
    "PyErr_PrintEx",
    "PyErr_WriteUnraisable",
];

/// Calls that set the indicator from saved state.
const RESTORERS: &[&str] = &["PyErr_Restore", "PyErr_SetRaisedException", "PyErr_SetHandledException"];

/// Names of unknown helpers that likely raise (`raise_type_error`, `err.restore(py)`, `set_error`).
fn sounds_like_raising(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    ["raise", "restore", "err", "exception", "throw", "fail"].iter().any(|w| n.contains(w))
}

/// Path roots of calls that never touch the error indicator.
const RUST_ROOTS: &[&str] = &[
    "std", "core", "alloc", "ptr", "mem", "slice", "str", "CStr", "CString", "String", "Vec", "Box", "NonNull", "Some",
    "Ok", "Err", "Option", "Result", "Rc", "Arc", "Cell", "RefCell", "usize", "isize", "u8", "u16", "u32", "u64", "i8",
    "i16", "i32", "i64", "f32", "f64", "char", "bool", "c_int", "c_long", "Default", "From", "Into",
];

struct ErrDomain<'a, 'b, 'c> {
    analysis: &'a Analysis<'b, 'c>,
    file: &'a SourceFile,
}

impl<'b> Domain<'b> for ErrDomain<'_, '_, '_> {
    type State = State;

    fn entry(&self, _: &Cfg<'b>) -> State {
        State { indicator: NOT_SET, vals: BTreeMap::new(), absent: None }
    }

    fn join(&self, into: &mut State, other: &State) {
        into.indicator |= other.indicator;
        into.absent = match (into.absent, other.absent) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let keys: Vec<String> = into.vals.keys().cloned().collect();
        for k in keys {
            match other.vals.get(&k) {
                Some(v) if into.vals.get(&k) == Some(v) => {}
                Some(v) => {
                    let mine = into.vals[&k];
                    let merged = Val {
                        origin: join_origin(mine.origin, v.origin),
                        known: if mine.known == v.known { mine.known } else { Known::Any },
                        site: if mine.site == v.site { mine.site } else { None },
                    };
                    into.vals.insert(k, merged);
                }
                None => {
                    into.vals.remove(&k);
                }
            }
        }
    }

    fn transfer(&self, cfg: &Cfg<'b>, node: NodeId, state: &mut State) {
        match cfg.node(node).kind {
            NodeKind::Eval { expr, dest } => {
                self.eval(cfg, expr, state);
                self.bind(expr, dest, state);
            }
            NodeKind::Test(Cond::Bool(c)) => self.eval(cfg, c, state),
            NodeKind::Test(Cond::Let { scrutinee, .. }) => self.eval(cfg, scrutinee, state),
            NodeKind::Match { scrutinee, .. } => self.eval(cfg, scrutinee, state),
            NodeKind::Try { expr, .. } => self.eval(cfg, &expr.expr, state),
            NodeKind::Opaque(_) => state.blur(),
            NodeKind::Declare(pat) => {
                if let Some(id) = place::pat_ident(pat) {
                    state.vals.remove(&id.to_string());
                }
            }
            NodeKind::ForNext { pat, .. } => {
                for id in place::pat_bindings(pat) {
                    state.vals.remove(&id.to_string());
                }
            }
            _ => {}
        }
    }

    fn edge(&self, cfg: &Cfg<'b>, from: NodeId, edge: &Edge, state: &mut State) -> bool {
        match cfg.node(from).kind {
            NodeKind::Test(Cond::Bool(c)) => return self.refine_bool(c, edge.kind == EdgeKind::True, state),
            NodeKind::Test(Cond::Let { pat, scrutinee }) => {
                let matched = edge.kind == EdgeKind::True;
                self.refine_pattern(scrutinee, pat, matched, state);
                self.unbind(pat, state);
            }
            NodeKind::Match { scrutinee, arms } => {
                if let EdgeKind::Arm(i) = edge.kind {
                    if let Some(arm) = arms.get(i) {
                        let val = self.value_of(scrutinee, state);
                        self.refine_arm(scrutinee, arms, i, state);
                        self.unbind(&arm.pat, state);
                        // `x if x < 0 => ..`: the binding is the scrutinee.
                        if let Some(id) = place::pat_ident(&arm.pat) {
                            state.vals.insert(id.to_string(), val);
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }
}

impl ErrDomain<'_, '_, '_> {
    /// The effect of evaluating `e` on the indicator.
    fn eval(&self, cfg: &Cfg<'_>, e: &syn::Expr, state: &mut State) {
        for item in walk::eval_order(cfg, e) {
            match item {
                Evaluated::Call(call) => {
                    forget_out_params(call.args.iter(), state);
                    let Some(name) = syntax::call_name(call) else { continue };
                    self.call_effect(&name, call, state);
                }
                Evaluated::Method(m) => {
                    forget_out_params(m.args.iter(), state);
                    let name = m.method.to_string();
                    match self.analysis.summaries.get(&name) {
                        Some(Summary::AlwaysSets) => state.set(),
                        Some(Summary::Never) | Some(Summary::SetsOnFailure(_)) => {}
                        _ if sounds_like_raising(&name) => state.blur(),
                        _ => {}
                    }
                }
                Evaluated::Closure(c) => {
                    // A closure that calls the C API or a crate helper may set an exception when it runs.
                    if calls_something_known(self.analysis, &c.body) {
                        state.blur();
                    }
                }
                Evaluated::Macro(_) => state.blur(),
            }
        }
    }

    fn call_effect(&self, name: &str, call: &syn::ExprCall, state: &mut State) {
        let analysis = self.analysis;
        if CLEARERS.contains(&name) {
            state.clear();
            return;
        }
        if RESTORERS.contains(&name) {
            state.set();
            return;
        }
        if let Some(api) = analysis.cx.api().get(name) {
            if api.sets_exception {
                state.set();
            }
            return;
        }
        match analysis.summaries.get(name) {
            Some(Summary::AlwaysSets) => state.set(),
            Some(Summary::Never | Summary::SetsOnFailure(_)) => {}
            Some(Summary::Unknown) => {}
            None if is_rust_call(call) => {}
            None if sounds_like_raising(name) => state.blur(),
            None => {}
        }
    }

    /// The origin of a call's value.
    fn call_origin(&self, call: &syn::ExprCall) -> Option<Origin> {
        let name = syntax::call_name(call)?;
        if name == "PyErr_Occurred" {
            return Some(Origin::Occurred);
        }
        if let Some(api) = self.analysis.cx.api().get(&name) {
            return match api.failure {
                Failure::Null => Some(Origin::NullSets),
                Failure::NullOrAbsent => Some(Origin::NullAbsent),
                Failure::MinusOne | Failure::Ambiguous => {
                    Some(Origin::Status { zero: false, predicate: cond::success_values(&name).len() > 1 })
                }
                Failure::Zero => Some(Origin::Status { zero: true, predicate: false }),
                Failure::Never if api.returns_object() => Some(Origin::NeverNull),
                Failure::Never => None,
            };
        }
        match self.analysis.summaries.get(&name) {
            Some(Summary::SetsOnFailure(s)) => Some(match s {
                Sentinel::Null => Origin::NullSets,
                Sentinel::MinusOne => Origin::Status { zero: false, predicate: false },
                other => Origin::HelperFails((*other).into()),
            }),
            Some(Summary::Never) => None,
            Some(Summary::AlwaysSets) => None,
            Some(Summary::Unknown) => Some(Origin::Unknown),
            None if is_rust_call(call) => None,
            None => Some(Origin::Unknown),
        }
    }

    fn method_origin(&self, m: &syn::ExprMethodCall) -> Option<Origin> {
        match self.analysis.summaries.get(&m.method.to_string()) {
            Some(Summary::SetsOnFailure(s)) => Some(match s {
                Sentinel::Null => Origin::NullSets,
                Sentinel::MinusOne => Origin::Status { zero: false, predicate: false },
                other => Origin::HelperFails((*other).into()),
            }),
            Some(Summary::Unknown) => Some(Origin::Unknown),
            _ => None,
        }
    }

    /// What `e` is known to be: its origin and value.
    fn value_of(&self, e: &syn::Expr, state: &State) -> Val {
        let e = peel_alias(e);
        if cond::is_null_ptr(e) {
            return Val { known: Known::Null, ..Val::UNKNOWN };
        }
        if cond::int_lit(e) == Some(-1) {
            return Val { known: Known::MinusOne, ..Val::UNKNOWN };
        }
        let site = || {
            let r = self.file.range(e.span());
            Some((r.start, r.end))
        };
        match e {
            syn::Expr::Call(call) => Val { origin: self.call_origin(call), known: Known::Any, site: site() },
            syn::Expr::MethodCall(m) => Val { origin: self.method_origin(m), known: Known::Any, site: site() },
            _ => match place::place_of(e) {
                Some(p) => state.vals.get(&p.to_string()).copied().unwrap_or(Val::UNKNOWN),
                None => Val::UNKNOWN,
            },
        }
    }

    fn bind(&self, expr: &syn::Expr, dest: Dest<'_>, state: &mut State) {
        let target = match dest {
            Dest::Let(pat) => place::pat_ident(pat).map(|i| i.to_string()),
            Dest::Assign(lhs) => place::place_of(lhs).map(|p| p.to_string()),
            _ => None,
        };
        if let Dest::Let(pat) = dest {
            self.unbind(pat, state);
        }
        let Some(target) = target else { return };
        let mut val = self.value_of(expr, state);
        if val.origin.is_none() && val.known == Known::Any && self.derives_from_failing_call(expr) {
            // `let ok = PyList_Sort(l) == 0 && ..;`: testing `ok` later tests those results.
            val.origin = Some(Origin::Unknown);
        }
        // Assigning to a place invalidates what was known of fields under it.
        state.vals.retain(|k, _| !k.starts_with(&format!("{target}.")));
        for (field, value) in constructor_fields(peel_alias(expr)) {
            let field_val = self.value_of(value, state);
            if field_val != Val::UNKNOWN {
                state.vals.insert(format!("{target}.{field}"), field_val);
            }
        }
        state.vals.insert(target, val);
    }

    /// Whether `e` computes something from the result of a call that can fail.
    fn derives_from_failing_call(&self, e: &syn::Expr) -> bool {
        let mut found = false;
        walk::walk_expr(e, &mut |node| match node {
            walk::Node::Expr(syn::Expr::Call(call)) => {
                found |= self.call_origin(call).is_some_and(|o| o != Origin::NeverNull)
            }
            walk::Node::Expr(syn::Expr::MethodCall(m)) => found |= self.method_origin(m).is_some(),
            _ => {}
        });
        found
    }

    fn unbind(&self, pat: &syn::Pat, state: &mut State) {
        for id in place::pat_bindings(pat) {
            state.vals.remove(&id.to_string());
        }
    }

    /// Refine on an atomic condition taking the branch `truth`.
    /// Refine on an atomic condition taking the branch `truth`; `false` when the branch cannot be taken.
    fn refine_bool(&self, c: &syn::Expr, truth: bool, state: &mut State) -> bool {
        if let Some(t) = cond::null_test(c) {
            let is_null = truth == t.null_when_true;
            let val = self.value_of(t.ptr, state);
            // A result that cannot be NULL (`PyBool_FromLong`), or one already tested on this path.
            let impossible = match val.known {
                Known::Null => !is_null,
                Known::NotNull => is_null,
                _ => is_null && val.origin == Some(Origin::NeverNull),
            };
            if impossible {
                return false;
            }
            if let Some(p) = place::place_of(t.ptr) {
                let entry = state.vals.entry(p.to_string()).or_insert(val);
                entry.known = if is_null { Known::Null } else { Known::NotNull };
            }
            self.null_outcome(val, is_null, state);
            return true;
        }
        if let Some(t) = cond::int_test(c) {
            let val = self.value_of(t.value, state);
            let holds = |v: i64| t.holds(v) == truth;
            if let Some(p) = place::place_of(t.value) {
                if holds(-1) && (-2..=1).all(|v| v == -1 || !holds(v)) {
                    state.vals.entry(p.to_string()).or_insert(val).known = Known::MinusOne;
                }
            }
            self.status_outcome(val.origin, holds, state);
            return true;
        }
        // A bare boolean: `if helper(x)`, `if ok` (the `!` was lowered into swapped edges).
        let val = self.value_of(c, state);
        match val.origin {
            Some(Origin::HelperFails(SentinelKey::False)) if !truth => state.set(),
            Some(Origin::Unknown) => state.blur(),
            _ => {}
        }
        true
    }

    /// `if let Some(x) = NonNull::new(p)`, `let Ok(v) = helper(..) else { .. }`.
    fn refine_pattern(&self, scrutinee: &syn::Expr, pat: &syn::Pat, matched: bool, state: &mut State) {
        let presence = cond::pattern_presence(pat);
        let absent = match (presence, matched) {
            (Presence::Present, true) | (Presence::Absent, false) => false,
            (Presence::Present, false) | (Presence::Absent, true) => true,
            (Presence::Any, _) => return,
        };
        if let Some(ptr) = cond::option_of_ptr(scrutinee) {
            let val = self.value_of(ptr, state);
            self.null_outcome(val, absent, state);
            return;
        }
        self.absent_outcome(self.value_of(scrutinee, state).origin, absent, state);
    }

    /// Refine on entering arm `i`: its pattern matched and no earlier unguarded arm did.
    fn refine_arm(&self, scrutinee: &syn::Expr, arms: &[syn::Arm], i: usize, state: &mut State) {
        let pat = &arms[i].pat;
        let earlier: Vec<&syn::Pat> = arms[..i].iter().filter(|a| a.guard.is_none()).map(|a| &a.pat).collect();
        let presence = match cond::pattern_presence(pat) {
            // `_ =>` after `Some(..) =>` is the `None` arm.
            Presence::Any => match earlier.iter().map(|p| cond::pattern_presence(p)).find(|p| *p != Presence::Any) {
                Some(Presence::Present) => Presence::Absent,
                Some(Presence::Absent) => Presence::Present,
                _ => Presence::Any,
            },
            other => other,
        };
        if presence != Presence::Any {
            let absent = presence == Presence::Absent;
            if let Some(ptr) = cond::option_of_ptr(scrutinee) {
                let val = self.value_of(ptr, state);
                return self.null_outcome(val, absent, state);
            }
            return self.absent_outcome(self.value_of(scrutinee, state).origin, absent, state);
        }
        if (-1..=1).any(|v| cond::int_pattern_holds(pat, v).is_some()) {
            let matches = |p: &syn::Pat, v: i64| cond::int_pattern_holds(p, v).unwrap_or(false);
            let holds =
                |v: i64| cond::int_pattern_holds(pat, v).unwrap_or(true) && !earlier.iter().any(|p| matches(p, v));
            self.status_outcome(self.value_of(scrutinee, state).origin, holds, state);
        }
    }

    fn null_outcome(&self, val: Val, is_null: bool, state: &mut State) {
        match val.origin {
            Some(Origin::NullSets) if is_null => state.set(),
            Some(Origin::NullAbsent) if is_null && state.indicator == NOT_SET => state.absent = val.site,
            Some(Origin::Occurred) => {
                if is_null {
                    state.clear();
                } else {
                    state.set();
                }
            }
            Some(Origin::Unknown) => state.blur(),
            _ => {}
        }
    }

    fn status_outcome(&self, origin: Option<Origin>, holds: impl Fn(i64) -> bool, state: &mut State) {
        match origin {
            Some(Origin::Status { zero, predicate }) => {
                let failure = if zero { Failure::Zero } else { Failure::MinusOne };
                let name = if predicate { "PyObject_IsTrue" } else { "" };
                if cond::status_failed(failure, name, holds) == Some(true) {
                    state.set();
                }
            }
            Some(Origin::HelperFails(SentinelKey::False)) if holds(0) && !holds(1) => state.set(),
            Some(Origin::Unknown) => state.blur(),
            _ => {}
        }
    }

    fn absent_outcome(&self, origin: Option<Origin>, absent: bool, state: &mut State) {
        match origin {
            Some(Origin::HelperFails(SentinelKey::Absent)) if absent => state.set(),
            Some(Origin::Unknown) => state.blur(),
            _ => {}
        }
    }

    /// Whether returning `v` returns the sentinel on this path.
    fn is_sentinel(&self, sentinel: Sentinel, v: &syn::Expr, state: &State) -> bool {
        let e = peel(v);
        match sentinel {
            Sentinel::Null => {
                cond::is_null_ptr(e) || (place::place_of(e).is_some() && self.value_of(e, state).known == Known::Null)
            }
            Sentinel::MinusOne => {
                cond::int_lit(e).is_some_and(|k| k < 0)
                    || (place::place_of(e).is_some() && self.value_of(e, state).known == Known::MinusOne)
            }
            Sentinel::False => matches!(e, syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Bool(b), .. }) if !b.value),
            Sentinel::Absent => match e {
                syn::Expr::Path(p) => p.path.is_ident("None"),
                syn::Expr::Call(c) => syntax::call_name(c).as_deref() == Some("Err"),
                _ => false,
            },
        }
    }

    /// Whether returning `v` passes on a raising call's result (`return PyObject_Repr(x)`).
    fn propagates(&self, sentinel: Sentinel, v: &syn::Expr, state: &State) -> bool {
        let val = self.value_of(v, state);
        matches!(
            (sentinel, val.origin),
            (Sentinel::Null, Some(Origin::NullSets)) | (Sentinel::MinusOne, Some(Origin::Status { .. }))
        ) || matches!((sentinel, val.origin), (_, Some(Origin::HelperFails(k))) if k == sentinel.into())
    }
}

/// Formatting, assertion and collection macros of the standard library.
fn is_std_macro(mac: &syn::Macro) -> bool {
    matches!(
        syntax::macro_name(mac).as_str(),
        "println"
            | "print"
            | "eprintln"
            | "eprint"
            | "format"
            | "write"
            | "writeln"
            | "vec"
            | "assert"
            | "assert_eq"
            | "assert_ne"
            | "debug_assert"
            | "debug_assert_eq"
            | "debug_assert_ne"
            | "matches"
            | "panic"
            | "unreachable"
            | "todo"
            | "unimplemented"
            | "dbg"
            | "c"
            | "concat"
            | "stringify"
            | "cfg"
    )
}

/// `f(&mut x)`, `f(ptr::addr_of_mut!(x))`: the callee may write `x`.
fn forget_out_params<'e>(args: impl Iterator<Item = &'e syn::Expr>, state: &mut State) {
    for arg in args {
        let target = match peel(arg) {
            syn::Expr::Reference(r) if r.mutability.is_some() => place::place_of(&r.expr),
            syn::Expr::RawAddr(r) => place::place_of(&r.expr),
            syn::Expr::MethodCall(m) if m.method == "as_mut_ptr" => place::place_of(&m.receiver),
            _ => None,
        };
        if let Some(p) = target {
            let name = p.to_string();
            state.vals.retain(|k, _| *k != name && !k.starts_with(&format!("{name}.")));
        }
    }
}

/// The origin of a value that came one way on one path and another way on another
/// (`if owned { PyObject_Str(o) } else { o }`): when either may be a failing call, testing
/// the merged value may or may not mean an exception was set.
fn join_origin(a: Option<Origin>, b: Option<Origin>) -> Option<Origin> {
    let fallible = |o: Option<Origin>| o.is_some_and(|o| o != Origin::NeverNull);
    if a == b {
        a
    } else if fallible(a) || fallible(b) {
        Some(Origin::Unknown)
    } else {
        None
    }
}

/// Whether a call goes to the Rust standard library or a constructor (never touches the indicator).
fn is_rust_call(call: &syn::ExprCall) -> bool {
    let syn::Expr::Path(p) = &*call.func else { return true };
    let first = p.path.segments.first().map(|s| s.ident.to_string()).unwrap_or_default();
    p.path.segments.len() > 1 && RUST_ROOTS.contains(&first.as_str())
        || matches!(first.as_str(), "Some" | "Ok" | "Err" | "Box" | "drop")
}

/// Whether an expression calls the C API or a crate function that is not known to leave the indicator alone.
fn calls_something_known(analysis: &Analysis<'_, '_>, e: &syn::Expr) -> bool {
    let mut found = false;
    walk::walk_expr(e, &mut |node| {
        if let walk::Node::Expr(syn::Expr::Call(call)) = node {
            if let Some(name) = syntax::call_name(call) {
                let api = analysis.cx.api().get(&name).is_some_and(|a| a.sets_exception || a.failure != Failure::Never);
                let helper = analysis.cx.index.fns_named(&name).next().is_some()
                    && analysis.summaries.get(&name) != Some(&Summary::Never);
                found |= api || helper || CLEARERS.contains(&name.as_str());
            }
        }
    });
    found
}

/// The fields a constructor fills: `Guard(PyObject_Str(o))` gives `0`, `Owned { ptr: .. }` gives
/// `ptr`, so testing `g.0.is_null()` later tests that call's result.
fn constructor_fields(e: &syn::Expr) -> Vec<(String, &syn::Expr)> {
    match e {
        syn::Expr::Call(call) => {
            let syn::Expr::Path(p) = &*call.func else { return Vec::new() };
            let Some(last) = p.path.segments.last().map(|s| s.ident.to_string()) else { return Vec::new() };
            let is_type = last.chars().next().is_some_and(char::is_uppercase)
                && !matches!(last.as_str(), "Some" | "Ok" | "Err")
                && !last.starts_with("Py");
            if !is_type {
                return Vec::new();
            }
            call.args.iter().enumerate().map(|(i, a)| (i.to_string(), a)).collect()
        }
        syn::Expr::Struct(s) => s
            .fields
            .iter()
            .map(|f| match &f.member {
                syn::Member::Named(id) => (id.to_string(), &f.expr),
                syn::Member::Unnamed(i) => (i.index.to_string(), &f.expr),
            })
            .collect(),
        _ => Vec::new(),
    }
}
