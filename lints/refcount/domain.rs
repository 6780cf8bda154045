//! The reference-counting domain of the flow engine.
//!
//! Every reference a body touches is an abstract object named by its site
//! (the call that produced it, a parameter, a singleton); locals point to
//! sets of sites, so aliases (`let q = p`, casts, `NonNull::as_ptr`) share
//! one object. An object has an ownership state ([`Own`]) and a nullness
//! ([`Null`]); paths that disagree are joined into states the rules stay
//! silent about.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use syn::spanned::Spanned;

use super::formats;
use super::summary::{FnSummary, ParamEffect, Summaries};
use crate::capi::{ApiFunction, ApiTable, Failure, RefOp, Returns, Steal};
use crate::flow::cfg::{Cfg, Cond, Dest, Edge, EdgeKind, NodeId, NodeKind, ReturnKind};
use crate::flow::{cond, place, Domain};
use crate::source::SourceFile;
use crate::syntax;

pub type Site = usize;

/// Who holds the reference an object stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Own {
    /// The function owns `n` strong references (a new reference, plus increfs).
    Owned(u8),
    /// Someone else owns it (a container, the caller); `extra` strong references were added by incref.
    Borrowed { owner: Option<Site>, extra: u8 },
    /// A helper's parameter: whether the caller handed ownership over is the
    /// helper's contract; `extra` strong references were added by incref.
    Param(u8),
    /// Released here (decref).
    Released(Range<usize>),
    /// Handed to an API that steals it, here; still usable while the container lives.
    Stolen(Range<usize>),
    /// Handed to an API that steals only on success; the outcome was not tested yet.
    PendingSteal(Range<usize>),
    /// ... and the call failed: the reference is still the function's.
    FailedSteal(Range<usize>),
    /// Stored, returned or otherwise handed on for good.
    Escaped,
    /// Paths disagree, or an opaque macro or closure mentions it: no judgement.
    Unknown,
    /// Handed to a callee the checker cannot see, which may have taken the
    /// reference over: ownership is not judged, but a NULL it may be still is
    /// (the callee checked nothing for this function).
    Passed,
    /// Not a Python object at all (`PyCapsule_GetPointer`, `PyMem_Malloc`).
    NonObject,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Null {
    /// No claim.
    Unknown,
    /// Produced by an API that can return NULL, not checked yet.
    Maybe,
    NonNull,
    Null,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Obj {
    pub own: Own,
    pub null: Null,
}

/// What an expression evaluates to: the objects it may be, whether it may be
/// something untracked, and the status call it is the result of.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Val {
    pub sites: BTreeSet<Site>,
    pub unknown: bool,
    pub status: Option<Site>,
}

impl Val {
    pub fn unknown() -> Self {
        Val { unknown: true, ..Default::default() }
    }

    fn site(s: Site) -> Self {
        Val { sites: [s].into(), ..Default::default() }
    }

    /// One definite set of objects to judge.
    fn definite(&self) -> bool {
        !self.unknown && !self.sites.is_empty()
    }

    fn join(&mut self, other: &Val) {
        self.sites.extend(other.sites.iter().copied());
        self.unknown |= other.unknown;
        if self.status != other.status {
            self.status = None;
        }
    }
}

/// Whether an exception is set (for summaries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exc {
    No,
    Maybe,
    Yes,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    vars: BTreeMap<String, Val>,
    objs: BTreeMap<Site, Obj>,
    temps: BTreeMap<usize, Val>,
    /// Objects handed to a steal-on-success API, by the status call.
    steals: BTreeMap<Site, BTreeSet<Site>>,
    /// New references written through out-parameters, present when the status call returned 1.
    outs: BTreeMap<Site, BTreeSet<Site>>,
    /// Items stolen by a container (`PyTuple_SetItem(t, i, item)`): item -> container.
    stolen_by: BTreeMap<Site, Site>,
    /// Pointers into an object's memory (`PyUnicode_AsUTF8(s)`, `PyBytes_AS_STRING(b)`): buffer -> object.
    views: BTreeMap<Site, Site>,
    pub exc: Exc,
}

/// What produced a site, for messages and summaries.
#[derive(Debug, Clone)]
pub struct SiteInfo {
    /// The producing function (`PyLong_FromLong`), or the parameter name.
    pub what: String,
    pub range: Range<usize>,
    pub is_param: Option<usize>,
    /// The first local it was bound to.
    pub var: Option<String>,
    pub failure: Failure,
    /// Whether the callee is a C-API function (RC007 judges only those).
    pub api: bool,
}

/// A finding before it becomes a [`Diagnostic`](crate::Diagnostic).
#[derive(Debug, Clone)]
pub struct Finding {
    pub code: &'static str,
    pub range: Range<usize>,
    pub message: String,
    pub label: String,
    pub labels: Vec<(Range<usize>, String)>,
    pub help: String,
    /// One finding per key (a site, a call).
    pub key: (&'static str, usize),
}

/// What an exit returns, for summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetClass {
    Nothing,
    Null,
    New,
    Borrowed,
    Unknown,
}

/// One exit of the body, for summaries.
#[derive(Debug, Clone)]
pub struct ExitRecord {
    pub ret: RetClass,
    pub negative_literal: bool,
    /// The state of each object parameter (by index) after the exit.
    pub params: Vec<Option<Own>>,
    /// The nullness of each object parameter at the exit.
    pub param_nulls: Vec<Option<Null>>,
    /// The returned value is exactly this parameter (possibly wrapped in `Ok`/`Some`).
    pub returns_param: Option<usize>,
    /// The returned value is `NonNull::new(param)` (or `.ok_or(..)` of it): present exactly when not NULL.
    pub returns_checked_param: bool,
    pub exc: Exc,
}

/// The facts about the function being analysed.
pub struct FnFacts {
    /// (name, is object pointer, where it is declared) per parameter, `self` excluded.
    pub params: Vec<(Option<String>, bool, Range<usize>)>,
    /// Start offsets of calls whose result the body throws away (`f(..);`, `let _ = f(..)`).
    pub discarded_calls: std::collections::HashSet<usize>,
    pub is_callback: bool,
    pub returns_object: bool,
}

pub struct RcDomain<'a> {
    pub api: &'a ApiTable,
    pub summaries: &'a Summaries,
    pub file: &'a SourceFile,
    pub facts: FnFacts,
    pub sites: RefCell<HashMap<Site, SiteInfo>>,
    /// Set during the reporting replay.
    pub findings: RefCell<Option<Vec<Finding>>>,
    pub exits: RefCell<Vec<ExitRecord>>,
    /// The local the node being evaluated assigns (`let x = ..`, `x = ..`).
    pub rebinding: RefCell<Option<String>>,
}

/// A callee the domain knows: a C-API function, or a summarised crate function.
enum Callee<'k> {
    Api(&'k ApiFunction),
    Crate(&'k FnSummary),
}

/// Singletons share one site per name, whichever call produced them.
const SINGLETONS: &[&str] = &["Py_None", "Py_True", "Py_False", "Py_NotImplemented", "Py_Ellipsis"];

fn singleton_site(name: &str) -> Option<Site> {
    SINGLETONS.iter().position(|s| *s == name).map(|i| usize::MAX - i)
}

/// `_Py_NoneStruct` and the other singleton statics, by the function name that returns them.
fn singleton_static(e: &syn::Expr) -> Option<&'static str> {
    let syn::Expr::Path(p) = place::peel(e) else { return None };
    match syntax::last_segment(&p.path)?.as_str() {
        "_Py_NoneStruct" => Some("Py_None"),
        "_Py_TrueStruct" => Some("Py_True"),
        "_Py_FalseStruct" => Some("Py_False"),
        "_Py_NotImplementedStruct" => Some("Py_NotImplemented"),
        "_Py_EllipsisObject" => Some("Py_Ellipsis"),
        _ => None,
    }
}

fn is_singleton_site(s: Site) -> bool {
    s > usize::MAX - SINGLETONS.len()
}

fn param_site(i: usize) -> Site {
    i + 1
}

fn site_of(e: &syn::Expr) -> Site {
    e as *const syn::Expr as usize
}

/// APIs whose arguments may be NULL (they propagate or ignore it).
fn accepts_null_args(name: &str) -> bool {
    name.starts_with("PyErr_")
        || name.starts_with("Py_X")
        || name.starts_with("Py_Is")
        || name == "Py_Is"
        || formats::build_format_arg(name).is_some()
        || name.ends_with("ObjArgs")
        || name.starts_with("PyArg_")
}

impl<'a> RcDomain<'a> {
    fn lookup(&self, name: &str) -> Option<Callee<'a>> {
        if let Some(f) = self.api.get(name) {
            return Some(Callee::Api(f));
        }
        self.summaries.get(name).map(Callee::Crate)
    }

    fn range(&self, e: &syn::Expr) -> Range<usize> {
        match fast_bounds(e) {
            Some((first, last)) => self.file.range_between(first, last),
            None => self.file.range(e.span()),
        }
    }

    fn reporting(&self) -> bool {
        self.findings.borrow().is_some()
    }

    fn report(&self, f: Finding) {
        if let Some(list) = self.findings.borrow_mut().as_mut() {
            if !list.iter().any(|g| g.key == f.key) {
                list.push(f);
            }
        }
    }

    /// A name to call the object by: a local holding it, else the local it was first bound to.
    fn name_of(&self, st: &State, site: Site) -> String {
        if let Some((name, _)) = st.vars.iter().find(|(_, v)| v.sites.contains(&site) && v.sites.len() == 1) {
            return name.clone();
        }
        let sites = self.sites.borrow();
        match sites.get(&site) {
            Some(info) if singleton_site(&info.what).is_some() => format!("{}()", info.what),
            Some(info) => info.var.clone().unwrap_or_else(|| format!("the result of `{}`", info.what)),
            None => "the reference".to_string(),
        }
    }

    /// How to write the object in a suggested fix: its local, or the call that made it.
    fn code_name(&self, st: &State, site: Site) -> String {
        let n = self.name_of(st, site);
        match n.strip_prefix("the result of `") {
            Some(rest) => format!("{}(..)", rest.trim_end_matches('`')),
            None => n,
        }
    }

    fn quoted_name(&self, st: &State, site: Site) -> String {
        let n = self.name_of(st, site);
        if n.starts_with("the ") {
            n
        } else {
            format!("`{n}`")
        }
    }

    fn info(&self, site: Site) -> Option<SiteInfo> {
        self.sites.borrow().get(&site).cloned()
    }

    /// Record what produced a site, the first time it is seen (building the info is not free).
    fn set_info(&self, site: Site, make: impl FnOnce() -> SiteInfo) {
        if !self.sites.borrow().contains_key(&site) {
            let info = make();
            self.sites.borrow_mut().insert(site, info);
        }
    }

    fn set_own(st: &mut State, v: &Val, own: Own) {
        for s in &v.sites {
            if let Some(o) = st.objs.get_mut(s) {
                o.own = own.clone();
            }
        }
    }

    /// Mark every object an expression may be as no longer judged (unknown callee, opaque macro).
    fn forget(st: &mut State, v: &Val) {
        Self::set_own(st, v, Own::Unknown);
    }

    /// Handed to an unknown callee: see [`Own::Passed`].
    fn pass_unknown(st: &mut State, v: &Val) {
        Self::set_own(st, v, Own::Passed);
    }

    /// Like `forget`, but plain memory (`PyMem_Malloc`, `PyCapsule_GetPointer`) stays plain
    /// memory: a standard-library or libc routine (`ptr::write_bytes`, `libc::memcpy`) cannot
    /// turn it into a Python object, so RC008 still applies after it.
    fn forget_objects(st: &mut State, v: &Val) {
        for s in &v.sites {
            if let Some(o) = st.objs.get_mut(s) {
                if o.own != Own::NonObject {
                    o.own = Own::Unknown;
                }
            }
        }
    }

    /// The objects of `v`, if every one of them is in a state satisfying `pred`.
    fn all(st: &State, v: &Val, pred: impl Fn(&Obj) -> bool) -> bool {
        v.definite() && v.sites.iter().all(|s| st.objs.get(s).is_some_and(&pred))
    }

    /// Produce a new object at `site` (an API result). When the site already
    /// holds an owned object (a loop's previous iteration), that object is
    /// lost if no other local still points to it: RC001. If one does, the two
    /// instances cannot be told apart and the site is no longer judged.
    fn produce(&self, st: &mut State, site: Site, mut obj: Obj, make: impl FnOnce() -> SiteInfo) {
        self.set_info(site, make);
        if let Some(old) = st.objs.get(&site) {
            let rebound = self.rebinding.borrow().clone();
            let held = old.null != Null::Null
                && (st.vars.iter().any(|(name, v)| v.sites.contains(&site) && Some(name) != rebound.as_ref())
                    || st.temps.values().any(|v| v.sites.contains(&site)));
            if held && obj.own != Own::NonObject {
                // Another local still holds an earlier instance (`best = item` in a loop):
                // a release through it must not be taken for a release of the new one.
                obj.own = Own::Unknown;
            } else if matches!(old.own, Own::Owned(_)) && old.null != Null::Null && obj.own == Own::Owned(1) {
                if let Some(info) = self.info(site) {
                    let name = self.quoted_name(st, site);
                    self.report(Finding {
                        code: "RC001",
                        range: info.range.clone(),
                        message: format!("new reference from `{}` is leaked", info.what),
                        label: "a new reference is created here on every iteration".into(),
                        labels: Vec::new(),
                        help: format!("release {name} with `Py_DECREF` before the loop creates the next one"),
                        key: ("RC001", site),
                    });
                }
            }
        }
        st.objs.insert(site, obj);
    }

    // ----- evaluation -----

    /// Evaluate an expression free of control flow (or with temps), with its effects.
    pub fn eval(&self, cfg: &Cfg<'_>, st: &mut State, e: &syn::Expr) -> Val {
        if let Some(t) = cfg.temp_of(e) {
            return st.temps.get(&t).cloned().unwrap_or_else(Val::unknown);
        }
        match e {
            syn::Expr::Paren(p) => self.eval(cfg, st, &p.expr),
            syn::Expr::Group(g) => self.eval(cfg, st, &g.expr),
            syn::Expr::Block(_) | syn::Expr::Unsafe(_) => {
                let inner = place::peel(e);
                if std::ptr::eq(inner, e) {
                    Val::unknown()
                } else {
                    self.eval(cfg, st, inner)
                }
            }
            syn::Expr::Path(p) => {
                if p.qself.is_none() && p.path.segments.len() == 1 {
                    let name = p.path.segments[0].ident.to_string();
                    // `None` is a wrapped helper's failure, like NULL.
                    if name == "NULL" || name == "None" {
                        return Val::default();
                    }
                    st.vars.get(&name).cloned().unwrap_or_else(Val::unknown)
                } else {
                    Val::unknown()
                }
            }
            syn::Expr::Lit(_) => Val::default(),
            syn::Expr::Cast(c) => self.eval(cfg, st, &c.expr),
            syn::Expr::Reference(syn::ExprReference { expr: inner, .. })
            | syn::Expr::RawAddr(syn::ExprRawAddr { expr: inner, .. }) => match singleton_static(inner) {
                Some(name) => self.singleton(st, name, e),
                None => self.eval(cfg, st, inner),
            },
            syn::Expr::Unary(u) => {
                let v = self.eval(cfg, st, &u.expr);
                if matches!(u.op, syn::UnOp::Deref(_)) {
                    self.use_val(st, &v, || self.range(e), Use::Deref);
                }
                Val::unknown()
            }
            syn::Expr::Field(f) => {
                self.eval(cfg, st, &f.base);
                Val::unknown()
            }
            syn::Expr::Call(c) => self.call(cfg, st, e, c),
            syn::Expr::MethodCall(m) => self.method_call(cfg, st, e, m),
            syn::Expr::Binary(b) => {
                let compare = matches!(b.op, syn::BinOp::Eq(_) | syn::BinOp::Ne(_));
                for side in [&b.left, &b.right] {
                    if !(compare && self.temporary_check(cfg, st, side, false, || "it is only compared".into())) {
                        self.eval(cfg, st, side);
                    }
                }
                Val::unknown()
            }
            syn::Expr::Index(i) => {
                self.eval(cfg, st, &i.expr);
                self.eval(cfg, st, &i.index);
                Val::unknown()
            }
            syn::Expr::Tuple(_) | syn::Expr::Array(_) | syn::Expr::Struct(_) | syn::Expr::Repeat(_) => {
                for child in crate::flow::cfg::children(e) {
                    let v = self.eval(cfg, st, child);
                    Self::forget(st, &v);
                }
                Val::unknown()
            }
            syn::Expr::Closure(c) => {
                self.forget_mentioned(st, &closure_idents(c));
                Val::unknown()
            }
            syn::Expr::Macro(m) => {
                self.forget_mentioned(st, &token_idents(m.mac.tokens.clone()));
                Val::unknown()
            }
            _ => {
                for child in crate::flow::cfg::children(e) {
                    self.eval(cfg, st, child);
                }
                Val::unknown()
            }
        }
    }

    /// The value of an expression without its effects (for refinement on edges).
    fn peek(&self, cfg: &Cfg<'_>, st: &State, e: &syn::Expr) -> Val {
        if let Some(t) = cfg.temp_of(e) {
            return st.temps.get(&t).cloned().unwrap_or_else(Val::unknown);
        }
        if let Some(p) = cond::option_of_ptr(e) {
            return self.peek(cfg, st, p);
        }
        let e2 = place::peel_alias(e);
        if !std::ptr::eq(e2, e) {
            return self.peek(cfg, st, e2);
        }
        match e {
            syn::Expr::Path(p) if p.path.segments.len() == 1 => {
                st.vars.get(&p.path.segments[0].ident.to_string()).cloned().unwrap_or_else(Val::unknown)
            }
            syn::Expr::Call(c) => {
                let name = syntax::call_name(c).unwrap_or_default();
                if let Some(s) = singleton_site(&name) {
                    return Val::site(s);
                }
                let s = site_of(e);
                if st.objs.contains_key(&s) {
                    Val::site(s)
                } else if self.sites.borrow().contains_key(&s) {
                    Val { status: Some(s), ..Val::default() }
                } else if matches!(name.as_str(), "Some" | "Ok") && c.args.len() == 1 {
                    self.peek(cfg, st, &c.args[0])
                } else {
                    Val::unknown()
                }
            }
            syn::Expr::MethodCall(m)
                if matches!(m.method.to_string().as_str(), "unwrap" | "expect" | "clone" | "ok_or" | "ok_or_else") =>
            {
                self.peek(cfg, st, &m.receiver)
            }
            _ => Val::unknown(),
        }
    }

    /// Forget the locals whose names occur in some opaque text (a macro, a closure).
    fn forget_mentioned(&self, st: &mut State, words: &BTreeSet<String>) {
        let hit: Vec<Val> = st.vars.iter().filter(|(k, _)| words.contains(*k)).map(|(_, v)| v.clone()).collect();
        for v in hit {
            Self::forget(st, &v);
        }
    }

    /// RC002: a call returning a new reference, used where nothing can release it.
    /// `as_arg`: the call is an argument of a callee that does not take it over,
    /// where `Py_NewRef(x)` too is a reference nothing releases (as a statement
    /// it is an incref, balanced by a later decref).
    fn temporary_check(
        &self,
        cfg: &Cfg<'_>,
        st: &mut State,
        arg: &syn::Expr,
        as_arg: bool,
        how: impl FnOnce() -> String,
    ) -> bool {
        let inner = place::peel_alias(arg);
        if cfg.temp_of(inner).is_some() {
            return false;
        }
        let syn::Expr::Call(c) = inner else { return false };
        let Some(name) = callee_name(c) else { return false };
        let (new, newref) = match self.lookup(&name) {
            Some(Callee::Api(f)) => {
                let newref = matches!(f.refop, Some(RefOp::NewRef | RefOp::XNewRef));
                (f.returns == Returns::New && (f.refop.is_none() || newref && as_arg), newref)
            }
            Some(Callee::Crate(s)) => (s.returns == Some(Returns::New), false),
            None => (false, false),
        };
        if !new {
            return false;
        }
        let range = self.range(inner);
        let help = match c.args.first().filter(|_| newref) {
            Some(x) => format!(
                "pass `{}` itself: the callee takes a reference of its own if it keeps the object",
                syntax::expr_text(x)
            ),
            None => {
                format!("bind the result of `{name}` to a variable, check it for NULL, and `Py_DECREF` it after use")
            }
        };
        self.report(Finding {
            code: "RC002",
            range: range.clone(),
            message: format!("new reference from `{name}` is never released: {}", how()),
            label: "this new reference is never released".into(),
            labels: Vec::new(),
            help,
            key: ("RC002", range.start),
        });
        // The temporary is judged here only: not again as a leak or an unchecked NULL.
        // `Py_NewRef(x)` adds to `x`, which stays the function's to judge.
        match c.args.first().filter(|_| newref) {
            Some(x) => {
                self.eval(cfg, st, x);
            }
            None => {
                let v = self.eval(cfg, st, inner);
                Self::forget(st, &v);
            }
        }
        true
    }

    fn method_call(&self, cfg: &Cfg<'_>, st: &mut State, e: &syn::Expr, m: &syn::ExprMethodCall) -> Val {
        let method = m.method.to_string();
        match method.as_str() {
            "is_null" => {
                if !self.temporary_check(cfg, st, &m.receiver, false, || "it is only tested for NULL".into()) {
                    self.eval(cfg, st, &m.receiver);
                }
                Val::unknown()
            }
            "cast" | "cast_mut" | "cast_const" | "as_ptr" | "clone" | "ok_or" | "ok_or_else" | "map_err" => {
                let v = self.eval(cfg, st, &m.receiver);
                for a in &m.args {
                    self.eval(cfg, st, a);
                }
                Val { status: None, ..v }
            }
            "unwrap" | "expect" => {
                let v = self.eval(cfg, st, &m.receiver);
                if cond::option_of_ptr(&m.receiver).is_some() {
                    self.set_null(st, &v, Null::NonNull);
                }
                v
            }
            "as_ref" | "as_mut" => {
                let v = self.eval(cfg, st, &m.receiver);
                Val { status: None, ..v }
            }
            "read" | "read_unaligned" | "read_volatile" => {
                let v = self.eval(cfg, st, &m.receiver);
                self.use_val(st, &v, || self.range(e), Use::Deref);
                Val::unknown()
            }
            "add" | "offset" | "sub" | "wrapping_add" | "wrapping_sub" | "byte_add" | "is_aligned" | "addr" => {
                self.eval(cfg, st, &m.receiver);
                for a in &m.args {
                    self.eval(cfg, st, a);
                }
                Val::unknown()
            }
            _ => {
                let recv = self.eval(cfg, st, &m.receiver);
                let summary = self.summaries.get(&method);
                let mut vals = Vec::new();
                for a in &m.args {
                    vals.push(self.eval(cfg, st, a));
                }
                match summary {
                    Some(s) => {
                        // Summaries leave `self` out: a pointer that is the receiver of a
                        // crate method (PyO3's `ffi::X(..).assume_owned(py)`) may be taken over.
                        Self::pass_unknown(st, &recv);
                        for (i, v) in vals.iter().enumerate() {
                            self.crate_param_effect(st, s, i, v, self.range(e));
                        }
                        self.crate_result(st, e, &method, s, &vals)
                    }
                    None => {
                        Self::pass_unknown(st, &recv);
                        for v in &vals {
                            Self::pass_unknown(st, v);
                        }
                        Val::unknown()
                    }
                }
            }
        }
    }

    fn call(&self, cfg: &Cfg<'_>, st: &mut State, e: &syn::Expr, c: &syn::ExprCall) -> Val {
        let name = callee_name(c).unwrap_or_default();
        match name.as_str() {
            "null_mut" | "null" if c.args.is_empty() => return Val::default(),
            "Some" | "Ok" if c.args.len() == 1 => return self.eval(cfg, st, &c.args[0]),
            "Err" => {
                for a in &c.args {
                    let v = self.eval(cfg, st, a);
                    Self::forget(st, &v);
                }
                return Val::default();
            }
            "new" | "new_unchecked" | "as_ptr" if c.args.len() == 1 && second_last_is(&c.func, "NonNull") => {
                return self.eval(cfg, st, &c.args[0]);
            }
            _ => {}
        }
        if singleton_site(&name).is_some() {
            for a in &c.args {
                self.eval(cfg, st, a);
            }
            return self.singleton(st, &name, e);
        }
        match self.lookup(&name) {
            Some(Callee::Api(f)) => match f.refop {
                Some(op) => self.refop(cfg, st, e, c, &name, op),
                None => self.api_call(cfg, st, e, c, f),
            },
            Some(Callee::Crate(s)) => {
                let at = self.range(e);
                let mut vals = Vec::new();
                for (i, a) in c.args.iter().enumerate() {
                    let borrows = s.params.get(i) == Some(&ParamEffect::Borrows) && s.returns_param != Some(i);
                    let how = || format!("it is passed to `{name}`, which does not take it over");
                    if borrows && self.temporary_check(cfg, st, a, true, how) {
                        vals.push(Val::unknown());
                        continue;
                    }
                    vals.push(self.eval(cfg, st, a));
                }
                for (i, v) in vals.iter().enumerate() {
                    self.use_val(st, v, || self.range(&c.args[i]), Use::Pass);
                    self.crate_param_effect(st, s, i, v, at.clone());
                }
                self.crate_result(st, e, &name, s, &vals)
            }
            None => {
                let memory_routine = is_memory_routine(&c.func);
                for a in &c.args {
                    let v = self.eval(cfg, st, a);
                    self.use_val(st, &v, || self.range(a), Use::Pass);
                    if memory_routine {
                        Self::forget_objects(st, &v);
                    } else {
                        Self::pass_unknown(st, &v);
                    }
                    if let Some(p) = out_place(a) {
                        st.vars.remove(&p);
                    }
                }
                self.eval(cfg, st, &c.func);
                Val::unknown()
            }
        }
    }

    /// A reference to a singleton (`Py_None()`, `&raw mut _Py_NoneStruct`): one site per singleton.
    fn singleton(&self, st: &mut State, name: &str, e: &syn::Expr) -> Val {
        let Some(s) = singleton_site(name) else { return Val::unknown() };
        st.objs.entry(s).or_insert(Obj { own: Own::Borrowed { owner: None, extra: 0 }, null: Null::NonNull });
        self.set_info(s, || self.call_info(name, e, Failure::Never, true));
        Val::site(s)
    }

    fn call_info(&self, name: &str, e: &syn::Expr, failure: Failure, api: bool) -> SiteInfo {
        SiteInfo { what: name.to_string(), range: self.range(e), is_param: None, var: None, failure, api }
    }

    fn crate_param_effect(&self, st: &mut State, s: &FnSummary, i: usize, v: &Val, at: Range<usize>) {
        match s.params.get(i).copied().unwrap_or(ParamEffect::Unknown) {
            ParamEffect::Borrows => {}
            ParamEffect::Releases => self.release(st, v, at, false),
            ParamEffect::Steals => {
                for site in &v.sites {
                    if let Some(o) = st.objs.get_mut(site) {
                        o.own = match &o.own {
                            Own::Owned(n) if *n > 1 => Own::Owned(n - 1),
                            Own::Borrowed { owner, extra } if *extra > 0 => {
                                Own::Borrowed { owner: *owner, extra: extra - 1 }
                            }
                            Own::Param(n) if *n > 0 => Own::Param(n - 1),
                            Own::Owned(_) | Own::Param(_) => Own::Escaped,
                            _ => Own::Unknown,
                        };
                    }
                }
            }
            ParamEffect::Unknown => Self::forget(st, v),
        }
    }

    fn crate_result(&self, st: &mut State, e: &syn::Expr, name: &str, s: &FnSummary, args: &[Val]) -> Val {
        if let Some(i) = s.returns_param {
            return args.get(i).cloned().map(|v| Val { status: None, ..v }).unwrap_or_else(Val::unknown);
        }
        let site = site_of(e);
        let failure = s.failure;
        let null = if matches!(failure, Failure::Null | Failure::NullOrAbsent) { Null::Maybe } else { Null::Unknown };
        match s.returns {
            Some(Returns::New) => {
                self.produce(st, site, Obj { own: Own::Owned(1), null }, || self.call_info(name, e, failure, false));
                Val::site(site)
            }
            Some(Returns::Borrowed) => {
                let obj = Obj { own: Own::Borrowed { owner: None, extra: 0 }, null };
                self.produce(st, site, obj, || self.call_info(name, e, failure, false));
                Val::site(site)
            }
            _ => {
                if matches!(failure, Failure::MinusOne) {
                    self.set_info(site, || self.call_info(name, e, failure, false));
                    Val { status: Some(site), ..Val::unknown() }
                } else {
                    Val::unknown()
                }
            }
        }
    }

    fn api_call(&self, cfg: &Cfg<'_>, st: &mut State, e: &syn::Expr, c: &syn::ExprCall, f: &ApiFunction) -> Val {
        let name = f.name.as_str();
        let at_cell = std::cell::OnceCell::new();
        let at = || at_cell.get_or_init(|| self.range(e)).clone();
        let site = site_of(e);
        let args: Vec<&syn::Expr> = c.args.iter().collect();
        // Format-driven ownership.
        let mut parse_outputs: BTreeSet<usize> = BTreeSet::new();
        let mut build_steals: BTreeSet<usize> = BTreeSet::new();
        let mut format_unknown = false;
        if let Some((fmt_at, first)) = formats::parse_format_args(name) {
            match args.get(fmt_at).and_then(|a| formats::format_text(a)).and_then(|t| formats::parse_object_outputs(&t))
            {
                Some(outs) => parse_outputs = outs.into_iter().map(|o| o + first).collect(),
                None => format_unknown = true,
            }
        } else if name == "PyArg_UnpackTuple" {
            parse_outputs = (4..args.len()).collect();
        }
        if let Some(fmt_at) = formats::build_format_arg(name) {
            match args.get(fmt_at).and_then(|a| formats::format_text(a)).and_then(|t| formats::build_object_units(&t)) {
                Some(units) => {
                    build_steals = units.iter().filter(|(_, n)| *n).map(|(o, _)| o + fmt_at + 1).collect();
                }
                None => format_unknown = true,
            }
        }
        let mut vals = Vec::with_capacity(args.len());
        let mut stolen_outs = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let steal = f.steal(i).or(build_steals.contains(&i).then_some(Steal::Always));
            if let Some(steal) = steal {
                let v = self.eval(cfg, st, a);
                let container = vals.first().filter(|_| i > 0).and_then(|c: &Val| {
                    (c.sites.len() == 1 && !c.unknown).then(|| *c.sites.iter().next().expect("one site"))
                });
                self.steal(st, &v, steal, name, at(), site, container);
                vals.push(v);
                continue;
            }
            let out = f.out_ref(i).or(parse_outputs.contains(&i).then_some(Returns::Borrowed));
            if let (Some(kind), Some(p)) = (out, out_place(a)) {
                stolen_outs.push((i, kind, p));
                vals.push(Val::unknown());
                continue;
            }
            if !format_unknown
                && self
                    .temporary_check(cfg, st, a, true, || format!("it is passed to `{name}`, which does not steal it"))
            {
                vals.push(Val::unknown());
                continue;
            }
            let v = self.eval(cfg, st, a);
            let use_kind = if accepts_null_args(name) { Use::Pass } else { Use::ApiArg };
            self.use_val(st, &v, || self.range(a), use_kind);
            if format_unknown {
                Self::forget(st, &v);
            }
            if let Some(p) = out_place(a) {
                // A pointer to a local the table does not describe: the callee may change it.
                Self::forget(st, &v);
                st.vars.remove(&p);
            }
            vals.push(v);
        }
        // Taking the exception a call just set (`PyErr_SetObject(..)` then
        // `PyErr_GetRaisedException()`) cannot give NULL.
        let takes_set_exception = name == "PyErr_GetRaisedException" && st.exc == Exc::Yes;
        if f.sets_exception {
            st.exc = Exc::Yes;
        }
        match name {
            "PyErr_Clear" | "PyErr_Fetch" | "PyErr_GetRaisedException" => st.exc = Exc::No,
            "PyModuleDef_Init" => return Val::unknown(),
            // Raw memory initialised as an object header is a Python object from here on.
            "PyObject_Init" | "PyObject_InitVar" => {
                if let Some(v) = vals.first() {
                    Self::set_own(st, v, Own::Unknown);
                }
            }
            // `Py_DECREF(Py_TYPE(self))` is the heap-type idiom of `tp_dealloc`; types are not judged.
            "Py_TYPE" => return Val::unknown(),
            _ => {}
        }
        // Out-parameters.
        for (i, kind, p) in stolen_outs {
            let out_site = site_of(args[i]);
            let (own, null) = match kind {
                Returns::New => (Own::Owned(1), Null::Maybe),
                _ => (Own::Borrowed { owner: None, extra: 0 }, Null::Unknown),
            };
            // NULL in an out-parameter is an answer ("absent", "no exception"), not a failure: no RC007.
            let make = || {
                let mut info = self.call_info(name, e, Failure::NullOrAbsent, false);
                info.var = Some(p.clone());
                info
            };
            self.produce(st, out_site, Obj { own, null }, make);
            st.vars.insert(p, Val::site(out_site));
            if kind == Returns::New {
                st.outs.entry(site).or_default().insert(out_site);
            }
        }
        match f.returns {
            Returns::New | Returns::Borrowed | Returns::NonObject => {
                let null = match f.failure {
                    _ if takes_set_exception => Null::NonNull,
                    Failure::Null | Failure::NullOrAbsent => Null::Maybe,
                    _ => Null::NonNull,
                };
                let own = match f.returns {
                    Returns::New => Own::Owned(1),
                    Returns::NonObject => Own::NonObject,
                    _ => {
                        let owner = f.borrowed_from.and_then(|i| vals.get(i)).and_then(|v| {
                            (v.sites.len() == 1 && !v.unknown).then(|| *v.sites.iter().next().expect("one site"))
                        });
                        Own::Borrowed { owner, extra: 0 }
                    }
                };
                self.produce(st, site, Obj { own, null }, || self.call_info(name, e, f.failure, true));
                if f.returns == Returns::NonObject {
                    let owner = f.borrowed_from.and_then(|i| vals.get(i)).and_then(|v| {
                        (v.sites.len() == 1 && !v.unknown).then(|| *v.sites.iter().next().expect("one site"))
                    });
                    match owner {
                        Some(owner) => st.views.insert(site, owner),
                        None => st.views.remove(&site),
                    };
                }
                Val::site(site)
            }
            Returns::Value => {
                self.set_info(site, || self.call_info(name, e, f.failure, true));
                let status = matches!(f.failure, Failure::MinusOne | Failure::Zero)
                    || st.steals.contains_key(&site)
                    || st.outs.contains_key(&site);
                Val { status: status.then_some(site), ..Val::unknown() }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn steal(
        &self,
        st: &mut State,
        v: &Val,
        steal: Steal,
        name: &str,
        at: Range<usize>,
        call: Site,
        container: Option<Site>,
    ) {
        if v.unknown {
            Self::forget(st, v);
            return;
        }
        if Self::all(st, v, |o| matches!(o.own, Own::Borrowed { extra: 0, .. })) && steal == Steal::Always {
            let site = *v.sites.iter().next().expect("definite");
            let what = self.quoted_name(st, site);
            self.report(Finding {
                code: "RC005",
                range: at.clone(),
                message: format!("`{name}` steals a reference to {what}, which this function does not own"),
                label: format!("`{name}` takes over a reference here"),
                labels: Vec::new(),
                help: format!(
                    "call `Py_INCREF({})` (or pass `Py_NewRef(..)`) before handing it to `{name}`",
                    self.code_name(st, site)
                ),
                key: ("RC005", at.start),
            });
            Self::forget(st, v);
            return;
        }
        if Self::all(st, v, |o| matches!(o.own, Own::Released(_) | Own::Stolen(_))) {
            self.use_val(st, v, || at.clone(), Use::Release);
            return;
        }
        for site in &v.sites {
            let Some(o) = st.objs.get_mut(site) else { continue };
            o.own = match (&o.own, steal) {
                (Own::Owned(n), _) if *n > 1 => Own::Owned(n - 1),
                (Own::Borrowed { owner, extra }, _) if *extra > 0 => Own::Borrowed { owner: *owner, extra: extra - 1 },
                (Own::Param(n), _) if *n > 0 => Own::Param(n - 1),
                (Own::Owned(_) | Own::Param(_), Steal::Always) => {
                    if let Some(c) = container {
                        st.stolen_by.insert(*site, c);
                    }
                    Own::Stolen(at.clone())
                }
                (Own::Owned(_) | Own::FailedSteal(_), Steal::OnSuccess) => {
                    st.steals.entry(call).or_default().insert(*site);
                    Own::PendingSteal(at.clone())
                }
                (Own::Param(_), Steal::OnSuccess) => Own::Escaped,
                _ => Own::Unknown,
            };
        }
    }

    fn refop(&self, cfg: &Cfg<'_>, st: &mut State, e: &syn::Expr, c: &syn::ExprCall, name: &str, op: RefOp) -> Val {
        let at = self.range(e);
        let Some(arg) = c.args.first() else { return Val::unknown() };
        match op {
            RefOp::Incref | RefOp::XIncref | RefOp::NewRef | RefOp::XNewRef => {
                let v = self.eval(cfg, st, arg);
                self.non_object_check(st, &v, &at, name);
                let kind = if matches!(op, RefOp::Incref | RefOp::NewRef) { Use::ApiArg } else { Use::Pass };
                self.use_val(st, &v, || self.range(arg), kind);
                if v.unknown {
                    Self::forget(st, &v);
                } else {
                    for s in &v.sites {
                        if let Some(o) = st.objs.get_mut(s) {
                            o.own = match &o.own {
                                Own::Owned(n) => Own::Owned((n + 1).min(3)),
                                Own::Borrowed { owner, extra } => {
                                    Own::Borrowed { owner: *owner, extra: (extra + 1).min(3) }
                                }
                                Own::Param(n) => Own::Param((n + 1).min(3)),
                                _ => Own::Unknown,
                            };
                        }
                    }
                }
                if matches!(op, RefOp::NewRef | RefOp::XNewRef) {
                    Val { status: None, ..v }
                } else {
                    Val::unknown()
                }
            }
            RefOp::Decref | RefOp::XDecref => {
                let v = self.eval(cfg, st, arg);
                if !self.non_object_check(st, &v, &at, name) {
                    if op == RefOp::Decref {
                        self.use_val(st, &v, || self.range(arg), Use::NullCheckOnly);
                    }
                    self.release(st, &v, at, true);
                }
                Val::unknown()
            }
            RefOp::Clear => {
                let target = place::peel(arg);
                let inner = match target {
                    syn::Expr::Reference(r) => &*r.expr,
                    other => other,
                };
                let v = self.eval(cfg, st, inner);
                if !self.non_object_check(st, &v, &at, name) {
                    self.release(st, &v, at, true);
                }
                if let Some(p) = place::place_of(inner).filter(place::Place::is_local) {
                    st.vars.insert(p.root, Val::default());
                }
                Val::unknown()
            }
            RefOp::SetRef => {
                let target = place::peel(arg);
                let inner = match target {
                    syn::Expr::Reference(r) => &*r.expr,
                    other => other,
                };
                let old = self.eval(cfg, st, inner);
                let new = c.args.get(1).map(|a| self.eval(cfg, st, a)).unwrap_or_else(Val::unknown);
                self.release(st, &old, at, true);
                match place::place_of(inner).filter(place::Place::is_local) {
                    Some(p) => {
                        st.vars.insert(p.root, new);
                    }
                    None => Self::set_own(st, &new, Own::Escaped),
                }
                Val::unknown()
            }
        }
    }

    /// RC001 at a loop's back edge (`continue`, or the end of the body): a new reference held
    /// only by a local the loop body declared goes out of scope there, so it is lost. Only a
    /// definitely owned, non-NULL object that no other local or temporary holds is reported.
    pub fn back_edge_leaks(
        &self,
        cfg: &Cfg<'_>,
        from: NodeId,
        after: &State,
        order: &[usize],
        solution: &crate::flow::solve::Solution<State>,
    ) {
        for edge in &cfg.node(from).succs {
            let head = edge.to;
            if order[head] > order[from] || !matches!(cfg.node(head).kind, NodeKind::Join | NodeKind::ForNext { .. }) {
                continue;
            }
            let mut st = after.clone();
            if !self.edge(cfg, from, edge, &mut st) {
                continue;
            }
            let Some(outer) = self.names_entering(cfg, head, order, solution) else { continue };
            for (name, v) in &st.vars {
                if outer.contains(name) || !v.definite() || v.sites.len() != 1 {
                    continue;
                }
                let site = *v.sites.iter().next().expect("one site");
                let Some(obj) = st.objs.get(&site) else { continue };
                if !matches!(obj.own, Own::Owned(_)) || obj.null != Null::NonNull {
                    continue;
                }
                let held_elsewhere = st.vars.iter().any(|(n, o)| n != name && o.sites.contains(&site))
                    || st.temps.values().any(|t| t.sites.contains(&site));
                let Some(info) = self.info(site).filter(|i| i.is_param.is_none()) else { continue };
                if held_elsewhere {
                    continue;
                }
                let labels = self
                    .node_range(cfg, from)
                    .map(|r| vec![(r, format!("the loop goes on from here without releasing `{name}`"))])
                    .unwrap_or_default();
                self.report(Finding {
                    code: "RC001",
                    range: info.range.clone(),
                    message: format!("new reference from `{}` is leaked", info.what),
                    label: "new reference created here".into(),
                    labels,
                    help: format!(
                        "release `{name}` with `Py_DECREF` before the loop moves to its next iteration, or hand it on"
                    ),
                    key: ("RC001", site),
                });
            }
        }
    }

    /// The locals that exist when a loop is entered from outside (its forward predecessors).
    fn names_entering(
        &self,
        cfg: &Cfg<'_>,
        head: NodeId,
        order: &[usize],
        solution: &crate::flow::solve::Solution<State>,
    ) -> Option<BTreeSet<String>> {
        let saved = self.findings.borrow_mut().take();
        let mut names = BTreeSet::new();
        let mut any = false;
        for &(pred, _) in cfg.preds(head) {
            if order[pred] >= order[head] {
                continue;
            }
            let Some(before) = solution.before(pred) else { continue };
            let mut st = before.clone();
            self.transfer(cfg, pred, &mut st);
            for edge in cfg.node(pred).succs.iter().filter(|e| e.to == head) {
                let mut taken = st.clone();
                if self.edge(cfg, pred, edge, &mut taken) {
                    any = true;
                    names.extend(taken.vars.keys().cloned());
                }
            }
        }
        *self.findings.borrow_mut() = saved;
        any.then_some(names)
    }

    /// The syntax a node evaluates or tests, to point at.
    fn node_range(&self, cfg: &Cfg<'_>, id: NodeId) -> Option<Range<usize>> {
        match &cfg.node(id).kind {
            NodeKind::Eval { expr, .. } => Some(self.range(expr)),
            NodeKind::Test(Cond::Bool(c)) => Some(self.range(c)),
            NodeKind::Test(Cond::Let { scrutinee, .. }) => Some(self.range(scrutinee)),
            _ => None,
        }
    }

    /// RC008: a refcount operation on something that is not an object. Returns whether it reported.
    fn non_object_check(&self, st: &State, v: &Val, at: &Range<usize>, name: &str) -> bool {
        if !Self::all(st, v, |o| o.own == Own::NonObject) {
            return false;
        }
        let site = *v.sites.iter().next().expect("definite");
        let what = self.info(site).map(|i| i.what).unwrap_or_default();
        self.report(Finding {
            code: "RC008",
            range: at.clone(),
            message: format!("`{name}` on a pointer from `{what}`, which is not a Python object"),
            label: "not a reference count".into(),
            labels: self
                .info(site)
                .map(|i| vec![(i.range, format!("`{what}` returns a plain pointer"))])
                .unwrap_or_default(),
            help: format!(
                "do not change reference counts of `{what}` results; release them with the matching free function"
            ),
            key: ("RC008", at.start),
        });
        true
    }

    /// A decref (or a helper that releases): RC003 for borrowed, RC004 for released twice.
    fn release(&self, st: &mut State, v: &Val, at: Range<usize>, direct: bool) {
        if v.unknown {
            Self::forget(st, v);
            return;
        }
        if direct && Self::all(st, v, |o| matches!(o.own, Own::Borrowed { extra: 0, .. })) {
            let site = *v.sites.iter().next().expect("definite");
            let what = self.quoted_name(st, site);
            let origin = self.info(site);
            let why = match &origin {
                Some(i) if i.is_param.is_some() => format!("{what} is a parameter of a callback: CPython owns it"),
                Some(i) => format!("{what} is borrowed from `{}`", i.what),
                None => format!("{what} is borrowed"),
            };
            self.report(Finding {
                code: "RC003",
                range: at.clone(),
                message: format!("release of borrowed reference {what}"),
                label: "this function never owned a reference to release".into(),
                labels: origin.map(|i| vec![(i.range, why)]).unwrap_or_default(),
                help: "remove the decref, or take a reference of your own first with `Py_INCREF`/`Py_NewRef`".into(),
                key: ("RC003", at.start),
            });
            Self::forget(st, v);
            return;
        }
        if Self::all(st, v, |o| matches!(o.own, Own::Released(_) | Own::Stolen(_))) {
            self.use_val(st, v, || at.clone(), Use::Release);
            return;
        }
        for site in &v.sites {
            let Some(o) = st.objs.get_mut(site) else { continue };
            o.own = match &o.own {
                Own::Owned(n) if *n > 1 => Own::Owned(n - 1),
                Own::Param(n) if *n > 0 => Own::Param(n - 1),
                Own::Owned(_) | Own::Param(_) | Own::FailedSteal(_) => Own::Released(at.clone()),
                Own::Borrowed { owner, extra } if *extra > 0 => Own::Borrowed { owner: *owner, extra: extra - 1 },
                Own::Escaped => Own::Escaped,
                _ => Own::Unknown,
            };
        }
    }

    fn set_null(&self, st: &mut State, v: &Val, null: Null) {
        if v.unknown {
            return;
        }
        for s in &v.sites {
            if let Some(o) = st.objs.get_mut(s) {
                o.null = null;
            }
        }
    }

    /// A use of a value: RC004 when it was released, RC007 when it may be NULL.
    fn use_val(&self, st: &mut State, v: &Val, at: impl Fn() -> Range<usize>, kind: Use) {
        if !v.definite() {
            return;
        }
        if kind != Use::NullCheckOnly && Self::all(st, v, |o| matches!(o.own, Own::Released(_))) && kind != Use::Pass
            || kind == Use::Release && Self::all(st, v, |o| matches!(o.own, Own::Released(_) | Own::Stolen(_)))
            || kind == Use::Pass && Self::all(st, v, |o| matches!(o.own, Own::Released(_)))
        {
            let site = *v.sites.iter().next().expect("definite");
            let what = self.quoted_name(st, site);
            let (earlier, stolen) = match &st.objs[&site].own {
                Own::Released(r) => (r.clone(), false),
                Own::Stolen(r) => (r.clone(), true),
                _ => (0..0, false),
            };
            let (message, label, help) = if kind == Use::Release {
                if stolen {
                    (
                        format!("{what} is released after a stealing call already took it over"),
                        "released again here".to_string(),
                        "the stealing call owns the reference even when it fails: remove this release".to_string(),
                    )
                } else {
                    (
                        format!("{what} is released twice"),
                        "released again here".to_string(),
                        "release each reference once; after the first release, do not touch the pointer".to_string(),
                    )
                }
            } else {
                (
                    format!("{what} is used after it was released"),
                    "used here after the release".to_string(),
                    "move the release after the last use, or take a new reference first".to_string(),
                )
            };
            let first = if stolen { "reference handed over here" } else { "released here" };
            self.report(Finding {
                code: "RC004",
                range: at(),
                message,
                label,
                labels: vec![(earlier, first.to_string())],
                help,
                key: ("RC004", at().start),
            });
            Self::forget(st, v);
            return;
        }
        // A borrowed item whose container was released.
        if kind != Use::NullCheckOnly {
            let owners: Vec<Site> = v
                .sites
                .iter()
                .filter_map(|s| match st.objs.get(s) {
                    Some(Obj { own: Own::Borrowed { owner: Some(owner), extra: 0 }, .. }) => Some(*owner),
                    Some(Obj { own: Own::Stolen(_), .. }) => st.stolen_by.get(s).copied(),
                    Some(Obj { own: Own::NonObject, .. }) => st.views.get(s).copied(),
                    _ => None,
                })
                .collect();
            let view = v.sites.iter().all(|s| st.views.contains_key(s));
            if owners.len() == v.sites.len() {
                if let Some(Obj { own: Own::Released(r), .. }) = owners.first().and_then(|o| st.objs.get(o)) {
                    let r = r.clone();
                    let item = self.quoted_name(st, *v.sites.iter().next().expect("definite"));
                    let container = self.quoted_name(st, owners[0]);
                    let (message, label, help) = if view {
                        (
                            format!("{item} points into {container}'s memory, which nothing keeps alive after {container} was released"),
                            format!("{container} released here, and {item} pointed into it"),
                            "copy the data out (`to_vec()`, `to_owned()`) before releasing the object, or release it after the last use".to_string(),
                        )
                    } else {
                        (
                            format!("{item} is used after its container {container} was released"),
                            format!("{container} released here, and {item} belonged to it"),
                            "take a strong reference to the item (`Py_NewRef`) before releasing its container, or release the container later".to_string(),
                        )
                    };
                    self.report(Finding {
                        code: "RC004",
                        range: at(),
                        message,
                        label: "used here".into(),
                        labels: vec![(r, label)],
                        help,
                        key: ("RC004", at().start),
                    });
                    Self::forget(st, v);
                    return;
                }
            }
        }
        if matches!(kind, Use::Deref | Use::ApiArg | Use::NullCheckOnly)
            && Self::all(st, v, |o| o.null == Null::Maybe && o.own != Own::Unknown)
        {
            let site = *v.sites.iter().next().expect("definite");
            let Some(info) = self.info(site) else { return };
            if !info.api || info.is_param.is_some() {
                return;
            }
            let what = self.quoted_name(st, site);
            self.report(Finding {
                code: "RC007",
                range: at(),
                message: format!("{what} may be NULL here: `{}` was not checked for failure", info.what),
                label: "used before a NULL check".into(),
                labels: vec![(info.range, format!("`{}` returns NULL on failure", info.what))],
                help: format!(
                    "check `{}` with `.is_null()` and return the error before using it",
                    self.code_name(st, site)
                ),
                key: ("RC007", site),
            });
            self.set_null(st, v, Null::NonNull);
        }
    }

    // ----- binding -----

    fn bind_pat(&self, st: &mut State, pat: &syn::Pat, v: Val) {
        if let Some(id) = place::pat_ident(pat) {
            let name = id.to_string();
            if v.sites.len() == 1 {
                let s = *v.sites.iter().next().expect("one site");
                if let Some(info) = self.sites.borrow_mut().get_mut(&s) {
                    info.var.get_or_insert(name.clone());
                }
            }
            st.vars.insert(name, v);
            return;
        }
        if matches!(pat, syn::Pat::Wild(_)) {
            return;
        }
        Self::forget(st, &v);
        for id in place::pat_bindings(pat) {
            st.vars.remove(&id.to_string());
        }
    }

    /// A branch on what an unknown callee said about a pointer (`if !valid(p)`,
    /// `match lookup(p)`) may be its NULL check: no NULL claim survives it.
    fn unknown_predicate(&self, cfg: &Cfg<'_>, st: &mut State, c: &syn::Expr) {
        match c {
            syn::Expr::Paren(p) => self.unknown_predicate(cfg, st, &p.expr),
            syn::Expr::Unary(u) => self.unknown_predicate(cfg, st, &u.expr),
            syn::Expr::Binary(b) => {
                self.unknown_predicate(cfg, st, &b.left);
                self.unknown_predicate(cfg, st, &b.right);
            }
            syn::Expr::Block(_) | syn::Expr::Unsafe(_) => {
                let inner = place::peel(c);
                if !std::ptr::eq(inner, c) {
                    self.unknown_predicate(cfg, st, inner);
                }
            }
            syn::Expr::Call(call) if callee_name(call).is_none_or(|n| self.lookup(&n).is_none()) => {
                for a in &call.args {
                    let v = self.peek(cfg, st, a);
                    self.set_null(st, &v, Null::Unknown);
                }
            }
            syn::Expr::MethodCall(m) if self.summaries.get(&m.method.to_string()).is_none() => {
                for a in &m.args {
                    let v = self.peek(cfg, st, a);
                    self.set_null(st, &v, Null::Unknown);
                }
            }
            _ => {}
        }
    }

    /// `(*p).field = v`, `*p = v`: the write dereferences `p`.
    fn write_through(&self, cfg: &Cfg<'_>, st: &mut State, lhs: &syn::Expr) {
        match lhs {
            syn::Expr::Paren(p) => self.write_through(cfg, st, &p.expr),
            syn::Expr::Field(f) => self.write_through(cfg, st, &f.base),
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                self.eval(cfg, st, lhs);
            }
            _ => {}
        }
    }

    fn assign(&self, st: &mut State, lhs: &syn::Expr, v: Val) {
        match place::place_of(lhs) {
            // A name this function never bound is a static (`JsonDecodeError = ..`) or,
            // in a closure, a captured variable: either way the value leaves the body.
            Some(p) if p.is_local() && !p.is_static() && st.vars.contains_key(&p.root) => {
                st.vars.insert(p.root, v);
            }
            _ => Self::set_own(st, &v, Own::Escaped),
        }
    }

    // ----- exits -----

    fn exit(&self, cfg: &Cfg<'_>, st: &mut State, value: Option<&syn::Expr>, kind: ReturnKind, at: proc_macro2::Span) {
        let v = value.map(|e| self.eval(cfg, st, e));
        // Returning a parameter as is (not an extra reference to it).
        let returns_param = v.as_ref().filter(|v| !v.unknown && v.sites.len() == 1).and_then(|v| {
            let s = *v.sites.iter().next().expect("one site");
            let plain = st.objs.get(&s).is_some_and(|o| o.own == Own::Param(0));
            ((1..=self.facts.params.len()).contains(&s) && plain).then(|| s - 1)
        });
        let mut ret = RetClass::Nothing;
        if let (Some(v), Some(e)) = (&v, value) {
            self.use_val(st, v, || self.range(e), Use::Pass);
            self.borrowed_return(st, v, e);
            ret = Self::classify_return(st, v);
            for s in &v.sites {
                if let Some(o) = st.objs.get_mut(s) {
                    o.own = match &o.own {
                        Own::Owned(n) if *n > 1 => Own::Owned(n - 1),
                        Own::Borrowed { owner, extra } if *extra > 0 => {
                            Own::Borrowed { owner: *owner, extra: extra - 1 }
                        }
                        Own::Owned(_) => Own::Escaped,
                        Own::Param(n) if *n > 0 => Own::Param(n - 1),
                        // A helper returning its parameter: no summary claim either way.
                        Own::Param(_) => Own::Unknown,
                        other => other.clone(),
                    };
                }
            }
        }
        if self.reporting() {
            let params =
                (0..self.facts.params.len()).map(|i| st.objs.get(&param_site(i)).map(|o| o.own.clone())).collect();
            let param_nulls =
                (0..self.facts.params.len()).map(|i| st.objs.get(&param_site(i)).map(|o| o.null)).collect();
            let returns_checked_param = returns_param.is_some() && value.and_then(cond::option_of_ptr).is_some();
            self.exits.borrow_mut().push(ExitRecord {
                ret,
                param_nulls,
                returns_param,
                returns_checked_param,
                negative_literal: value.and_then(cond::int_lit).is_some_and(|n| n < 0),
                params,
                exc: st.exc,
            });
        }
        let exit_range = match kind {
            ReturnKind::Try => self.file.range(at),
            _ => value.map(|e| self.range(e)).unwrap_or_else(|| self.file.range(at)),
        };
        for (site, obj) in &st.objs {
            if obj.null == Null::Null {
                continue;
            }
            let Some(info) = self.info(*site) else { continue };
            // An out-parameter API leaves `*out` NULL on failure and absence
            // (`PyDict_GetItemRef`, `PyIter_Send`): unless its status was thrown
            // away, a path on which the checker could not tell which result came
            // back is one on which there may be nothing to release.
            if obj.null == Null::Maybe
                && st.outs.values().any(|outs| outs.contains(site))
                && !self.facts.discarded_calls.contains(&info.range.start)
            {
                continue;
            }
            let name = self.quoted_name(st, *site);
            let how = match kind {
                ReturnKind::Try => "`?` returns here",
                ReturnKind::Explicit => "returns here",
                ReturnKind::Tail if value.is_some() => "returns here",
                ReturnKind::Tail => "the function ends here",
            };
            match &obj.own {
                Own::Owned(_) if info.is_param.is_none() => self.report(Finding {
                    code: "RC001",
                    range: info.range.clone(),
                    message: format!("new reference from `{}` is leaked", info.what),
                    label: "new reference created here".into(),
                    labels: vec![(exit_range.clone(), format!("{how} without releasing {name}"))],
                    help: format!(
                        "release {name} with `Py_DECREF` on this path, or hand it on (return it, store it, or pass it to an API that steals it)"
                    ),
                    key: ("RC001", *site),
                }),
                Own::PendingSteal(call) | Own::FailedSteal(call) => self.report(Finding {
                    code: "RC005",
                    range: call.clone(),
                    message: format!("{name} leaks when this call fails: it steals only on success"),
                    label: "steals the reference only when it succeeds".into(),
                    labels: vec![(exit_range.clone(), format!("{how} without releasing {name} on failure"))],
                    help: format!(
                        "use `PyModule_AddObjectRef` and release {name} yourself, or `Py_DECREF({})` when the call returns -1",
                        self.code_name(st, *site)
                    ),
                    key: ("RC005", call.start),
                }),
                _ => {}
            }
        }
    }

    fn classify_return(st: &State, v: &Val) -> RetClass {
        if v.unknown {
            return RetClass::Unknown;
        }
        let objs: Vec<&Obj> = v.sites.iter().filter_map(|s| st.objs.get(s)).collect();
        if objs.len() != v.sites.len() {
            return RetClass::Unknown;
        }
        if objs.iter().all(|o| o.null == Null::Null) {
            return RetClass::Null;
        }
        if objs.iter().all(|o| matches!(o.own, Own::Owned(_) | Own::Borrowed { extra: 1.., .. } | Own::Param(1..))) {
            RetClass::New
        } else if objs.iter().all(|o| matches!(o.own, Own::Borrowed { extra: 0, .. })) {
            RetClass::Borrowed
        } else {
            RetClass::Unknown
        }
    }

    /// RC006: a callback returns a reference it does not own.
    fn borrowed_return(&self, st: &State, v: &Val, e: &syn::Expr) {
        if !self.facts.is_callback || !self.facts.returns_object {
            return;
        }
        if !Self::all(st, v, |o| matches!(o.own, Own::Borrowed { extra: 0, .. }) && o.null != Null::Null) {
            return;
        }
        let site = *v.sites.iter().next().expect("definite");
        let what = self.quoted_name(st, site);
        let origin = self.info(site);
        let why = match &origin {
            Some(i) if i.is_param.is_some() => format!("{what} is a parameter: the caller owns it"),
            Some(i) if singleton_site(&i.what).is_some() => format!("`{}()` is a borrowed singleton", i.what),
            Some(i) => format!("`{}` returns a borrowed reference", i.what),
            None => "borrowed".to_string(),
        };
        let range = self.range(e);
        self.report(Finding {
            code: "RC006",
            range: range.clone(),
            message: format!("callback returns a borrowed reference: {what}"),
            label: "CPython expects a new reference here".into(),
            labels: origin.filter(|i| i.range != range).map(|i| vec![(i.range, why)]).unwrap_or_default(),
            help: format!("return `Py_NewRef({})` (or `Py_INCREF` it before returning)", self.code_name(st, site)),
            key: ("RC006", range.start),
        });
    }

    // ----- refinement -----

    fn refine_null(&self, cfg: &Cfg<'_>, st: &mut State, ptr: &syn::Expr, is_null: bool) -> bool {
        let v = self.peek(cfg, st, ptr);
        if !v.definite() {
            return true;
        }
        if v.sites.len() == 1 {
            let s = *v.sites.iter().next().expect("one");
            if let Some(o) = st.objs.get(&s) {
                let contradicts = (is_null && o.null == Null::NonNull) || (!is_null && o.null == Null::Null);
                if contradicts {
                    return false;
                }
            }
            if is_null {
                if let Some(info) = self.info(s) {
                    match info.failure {
                        Failure::Null => st.exc = Exc::Yes,
                        Failure::NullOrAbsent if st.exc == Exc::No => st.exc = Exc::Maybe,
                        _ => {}
                    }
                }
            }
        }
        self.set_null(st, &v, if is_null { Null::Null } else { Null::NonNull });
        true
    }

    fn refine_status(&self, st: &mut State, call: Site, holds: impl Fn(i64) -> bool) {
        let Some(info) = self.info(call) else { return };
        if let Some(failed) = cond::status_failed(info.failure, &info.what, &holds) {
            if failed {
                st.exc = Exc::Yes;
            }
            if let Some(objs) = st.steals.get(&call).cloned() {
                for s in objs {
                    if let Some(o) = st.objs.get_mut(&s) {
                        if let Own::PendingSteal(r) = &o.own {
                            o.own = if failed { Own::FailedSteal(r.clone()) } else { Own::Stolen(r.clone()) };
                        }
                    }
                }
            }
        }
        if let Some(outs) = st.outs.get(&call).cloned() {
            let present = holds(1);
            let absent = holds(0) || holds(-1);
            let null = match (present, absent) {
                (true, false) => Some(Null::NonNull),
                (false, true) => Some(Null::Null),
                _ => None,
            };
            if let Some(null) = null {
                for s in outs {
                    if let Some(o) = st.objs.get_mut(&s) {
                        o.null = null;
                    }
                }
            }
        }
    }

    fn status_of(&self, cfg: &Cfg<'_>, st: &State, e: &syn::Expr) -> Option<Site> {
        let inner = place::peel(e);
        if let syn::Expr::Call(_) = inner {
            let s = site_of(inner);
            return self.sites.borrow().contains_key(&s).then_some(s);
        }
        self.peek(cfg, st, inner).status
    }
}

/// The boolean an arm of `match b { true => .., false => .. }` stands for
/// (`_` after one literal arm stands for the other value).
fn bool_arm(arms: &[syn::Arm], i: usize) -> Option<bool> {
    let lit = |p: &syn::Pat| match p {
        syn::Pat::Lit(l) => match &l.lit {
            syn::Lit::Bool(b) => Some(b.value),
            _ => None,
        },
        _ => None,
    };
    match &arms[i].pat {
        syn::Pat::Wild(_) => {
            let earlier: Vec<bool> =
                arms[..i].iter().filter(|a| a.guard.is_none()).filter_map(|a| lit(&a.pat)).collect();
            (earlier.len() == 1).then(|| !earlier[0])
        }
        p => lit(p),
    }
}

/// The first and last token spans of common expressions, found without
/// printing the expression (syn's `span()` walks every token).
fn fast_bounds(e: &syn::Expr) -> Option<(proc_macro2::Span, proc_macro2::Span)> {
    match e {
        syn::Expr::Path(p) if p.qself.is_none() => {
            let first = match &p.path.leading_colon {
                Some(c) => c.spans[0],
                None => p.path.segments.first()?.ident.span(),
            };
            Some((first, p.path.segments.last()?.ident.span()))
        }
        syn::Expr::Call(c) => Some((fast_bounds(&c.func)?.0, c.paren_token.span.close())),
        syn::Expr::MethodCall(m) => Some((fast_bounds(&m.receiver)?.0, m.paren_token.span.close())),
        syn::Expr::Paren(p) => Some((p.paren_token.span.open(), p.paren_token.span.close())),
        _ => None,
    }
}

/// The identifiers in a token stream (a macro the engine cannot read).
fn token_idents(tokens: proc_macro2::TokenStream) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![tokens];
    while let Some(ts) = stack.pop() {
        for t in ts {
            match t {
                proc_macro2::TokenTree::Ident(id) => {
                    out.insert(id.to_string());
                }
                proc_macro2::TokenTree::Group(g) => stack.push(g.stream()),
                _ => {}
            }
        }
    }
    out
}

/// The single-segment paths a closure body mentions (what it may capture).
fn closure_idents(c: &syn::ExprClosure) -> BTreeSet<String> {
    struct Idents(BTreeSet<String>);
    impl<'ast> syn::visit::Visit<'ast> for Idents {
        fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
            if let Some(id) = p.path.get_ident() {
                self.0.insert(id.to_string());
            }
        }
        fn visit_macro(&mut self, m: &'ast syn::Macro) {
            self.0.extend(token_idents(m.tokens.clone()));
        }
    }
    let mut v = Idents(BTreeSet::new());
    syn::visit::Visit::visit_expr(&mut v, &c.body);
    v.0
}

/// `PyErr_Occurred()`.
fn is_err_occurred(e: &syn::Expr) -> bool {
    matches!(place::peel(e), syn::Expr::Call(c) if syntax::call_name(c).as_deref() == Some("PyErr_Occurred"))
}

/// Whether a callee path is `..::NAME::f` (`NonNull::new`).
fn second_last_is(func: &syn::Expr, name: &str) -> bool {
    let syn::Expr::Path(p) = func else { return false };
    let n = p.path.segments.len();
    n >= 2 && p.path.segments[n - 2].ident == name
}

/// `&mut x`, `&raw mut x`, `addr_of_mut!(x)` (expanded to `&mut x`): the local written through.
fn out_place(e: &syn::Expr) -> Option<String> {
    let inner = match place::peel(e) {
        syn::Expr::Reference(r) if r.mutability.is_some() => &*r.expr,
        syn::Expr::RawAddr(r) => &*r.expr,
        syn::Expr::Cast(c) => return out_place(&c.expr),
        _ => return None,
    };
    place::place_of(inner).filter(|p| p.is_local() && !p.is_static()).map(|p| p.root)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    /// `*p`, `(*p).field`, `p.read()`.
    Deref,
    /// An argument of a C-API function that requires a non-NULL object.
    ApiArg,
    /// Handed to something that may accept anything (an unknown callee, a return).
    Pass,
    /// A second release.
    Release,
    /// `Py_DECREF` of a maybe-NULL pointer: only the NULL check applies.
    NullCheckOnly,
}

// ----- the Domain impl -----

fn join_own(a: &Own, b: &Own) -> Own {
    use Own::*;
    match (a, b) {
        _ if a == b => a.clone(),
        (Borrowed { owner: o1, extra: e1 }, Borrowed { owner: o2, extra: e2 }) if e1 == e2 => {
            Borrowed { owner: if o1 == o2 { *o1 } else { None }, extra: *e1 }
        }
        (Released(x), Released(y)) => Released(x.start.min(y.start)..if x.start <= y.start { x.end } else { y.end }),
        (Released(_), Stolen(s)) | (Stolen(s), Released(_)) => Stolen(s.clone()),
        (Stolen(x), Stolen(y)) => Stolen(if x.start <= y.start { x.clone() } else { y.clone() }),
        (FailedSteal(f), Stolen(_)) | (Stolen(_), FailedSteal(f)) => FailedSteal(f.clone()),
        (PendingSteal(f), Stolen(_) | FailedSteal(_)) | (Stolen(_) | FailedSteal(_), PendingSteal(f)) => {
            PendingSteal(f.clone())
        }
        _ => Unknown,
    }
}

fn join_null(a: Null, b: Null) -> Null {
    match (a, b) {
        _ if a == b => a,
        (Null::Unknown, _) | (_, Null::Unknown) => Null::Unknown,
        _ => Null::Maybe,
    }
}

fn join_vals<K: Ord + Clone>(into: &mut BTreeMap<K, Val>, other: &BTreeMap<K, Val>) {
    for (k, v) in into.iter_mut() {
        match other.get(k) {
            Some(o) => v.join(o),
            None => v.unknown = true,
        }
    }
    for (k, o) in other {
        if !into.contains_key(k) {
            let mut v = o.clone();
            v.unknown = true;
            into.insert(k.clone(), v);
        }
    }
}

impl<'b> Domain<'b> for RcDomain<'_> {
    type State = State;

    fn entry(&self, _: &Cfg<'b>) -> State {
        let mut st = State {
            vars: BTreeMap::new(),
            objs: BTreeMap::new(),
            temps: BTreeMap::new(),
            steals: BTreeMap::new(),
            outs: BTreeMap::new(),
            stolen_by: BTreeMap::new(),
            views: BTreeMap::new(),
            exc: Exc::No,
        };
        for (i, (name, is_obj, range)) in self.facts.params.iter().enumerate() {
            let (Some(name), true) = (name, is_obj) else { continue };
            let site = param_site(i);
            let own = if self.facts.is_callback { Own::Borrowed { owner: None, extra: 0 } } else { Own::Param(0) };
            st.objs.insert(site, Obj { own, null: Null::Unknown });
            self.set_info(site, || SiteInfo {
                what: name.clone(),
                range: range.clone(),
                is_param: Some(i),
                var: Some(name.clone()),
                failure: Failure::Never,
                api: false,
            });
            st.vars.insert(name.clone(), Val::site(site));
        }
        st
    }

    fn join(&self, into: &mut State, other: &State) {
        join_vals(&mut into.vars, &other.vars);
        join_vals(&mut into.temps, &other.temps);
        for (k, o) in into.objs.iter_mut() {
            match other.objs.get(k) {
                Some(p) => {
                    o.own = join_own(&o.own, &p.own);
                    o.null = join_null(o.null, p.null);
                }
                // Not produced on the other path: as if it were NULL there (singletons always exist).
                None if !is_singleton_site(*k) => o.null = join_null(o.null, Null::Null),
                None => {}
            }
        }
        for (k, p) in &other.objs {
            if !into.objs.contains_key(k) {
                let null = if is_singleton_site(*k) { p.null } else { join_null(p.null, Null::Null) };
                into.objs.insert(*k, Obj { own: p.own.clone(), null });
            }
        }
        for (k, v) in &other.steals {
            into.steals.entry(*k).or_default().extend(v.iter().copied());
        }
        for (k, v) in &other.outs {
            into.outs.entry(*k).or_default().extend(v.iter().copied());
        }
        into.stolen_by.retain(|k, v| other.stolen_by.get(k) == Some(v));
        into.views.retain(|k, v| other.views.get(k) == Some(v));
        if into.exc != other.exc {
            into.exc = Exc::Maybe;
        }
    }

    fn transfer(&self, cfg: &Cfg<'b>, node: NodeId, st: &mut State) {
        match cfg.node(node).kind {
            NodeKind::Eval { expr, dest } => {
                if matches!(dest, Dest::Discard) || matches!(dest, Dest::Let(syn::Pat::Wild(_))) {
                    let dropped = place::peel(expr);
                    if !matches!(dropped, syn::Expr::Call(_))
                        || !self.temporary_check(cfg, st, dropped, false, || "its value is dropped".into())
                    {
                        self.eval(cfg, st, expr);
                    }
                    return;
                }
                let target = match dest {
                    Dest::Let(pat) => place::pat_ident(pat).map(|i| i.to_string()),
                    Dest::Assign(lhs) => place::place_of(lhs).filter(place::Place::is_local).map(|p| p.root),
                    _ => None,
                };
                *self.rebinding.borrow_mut() = target;
                let v = self.eval(cfg, st, expr);
                *self.rebinding.borrow_mut() = None;
                match dest {
                    Dest::Let(pat) => self.bind_pat(st, pat, v),
                    Dest::Assign(lhs) => {
                        self.write_through(cfg, st, lhs);
                        self.assign(st, lhs, v)
                    }
                    Dest::Temp(t) => {
                        st.temps.insert(t, v);
                    }
                    Dest::Discard => {}
                }
            }
            NodeKind::Declare(pat) => {
                for id in place::pat_bindings(pat) {
                    st.vars.insert(id.to_string(), Val::default());
                }
            }
            NodeKind::Test(Cond::Bool(c)) => {
                self.eval(cfg, st, c);
                self.unknown_predicate(cfg, st, c);
            }
            NodeKind::Test(Cond::Let { scrutinee, .. }) => {
                self.eval(cfg, st, scrutinee);
                self.unknown_predicate(cfg, st, scrutinee);
            }
            NodeKind::Match { scrutinee, .. } => {
                // Kept for the arm edges: `p => p` binds the scrutinee's value.
                let v = self.eval(cfg, st, scrutinee);
                self.unknown_predicate(cfg, st, scrutinee);
                st.vars.insert(MATCH_SCRUTINEE.to_string(), v);
            }
            NodeKind::Try { expr, temp } => {
                let v = self.eval(cfg, st, &expr.expr);
                st.temps.insert(temp, v);
            }
            NodeKind::ForNext { pat, .. } => {
                for id in place::pat_bindings(pat) {
                    st.vars.remove(&id.to_string());
                }
            }
            NodeKind::Return { value, kind, at } => self.exit(cfg, st, value, kind, at),
            NodeKind::Opaque(mac) => self.forget_mentioned(st, &token_idents(mac.tokens.clone())),
            NodeKind::Entry | NodeKind::Exit | NodeKind::Diverge | NodeKind::Join => {}
        }
    }

    fn edge(&self, cfg: &Cfg<'b>, from: NodeId, edge: &Edge, st: &mut State) -> bool {
        match cfg.node(from).kind {
            NodeKind::Test(Cond::Bool(c)) => {
                let taken = edge.kind == EdgeKind::True;
                if let Some(t) = cond::null_test(c) {
                    if is_err_occurred(t.ptr) {
                        self.exception_known(st, t.null_when_true != taken);
                        return true;
                    }
                    return self.refine_null(cfg, st, t.ptr, t.null_when_true == taken);
                }
                if let Some(t) = cond::int_test(c) {
                    if let Some(call) = self.status_of(cfg, st, t.value) {
                        self.refine_status(st, call, |v| t.holds(v) == taken);
                    }
                }
                true
            }
            NodeKind::Test(Cond::Let { pat, scrutinee }) => {
                let presence = cond::pattern_presence(pat);
                let matched = edge.kind == EdgeKind::True;
                self.refine_presence(cfg, st, scrutinee, pat, presence, matched)
            }
            NodeKind::Match { scrutinee, arms } => {
                let EdgeKind::Arm(i) = edge.kind else { return true };
                let pat = &arms[i].pat;
                if let (Some(t), Some(value)) = (cond::null_test(scrutinee), bool_arm(arms, i)) {
                    return self.refine_null(cfg, st, t.ptr, t.null_when_true == value);
                }
                if cond::option_of_ptr(scrutinee).is_some()
                    || self.null_checked_arg(scrutinee).is_some()
                    || self.wrapped_call(scrutinee).is_some()
                {
                    return self.refine_presence(cfg, st, scrutinee, pat, cond::pattern_presence(pat), true);
                }
                if let Some(call) = self.status_of(cfg, st, scrutinee) {
                    let earlier: Vec<&syn::Pat> =
                        arms[..i].iter().filter(|a| a.guard.is_none()).map(|a| &a.pat).collect();
                    let known = cond::int_pattern_holds(pat, 0).is_some()
                        && earlier.iter().all(|p| cond::int_pattern_holds(p, 0).is_some());
                    if known {
                        self.refine_status(st, call, |v| {
                            cond::int_pattern_holds(pat, v) == Some(true)
                                && earlier.iter().all(|p| cond::int_pattern_holds(p, v) == Some(false))
                        });
                    }
                }
                let scrutinee_value = st.vars.remove(MATCH_SCRUTINEE);
                for id in place::pat_bindings(pat) {
                    st.vars.remove(&id.to_string());
                }
                // A plain binding (`p`, `p if p.is_null()`) names the scrutinee itself.
                if let (syn::Pat::Ident(binding), Some(v)) = (pat, scrutinee_value) {
                    if binding.subpat.is_none() && binding.by_ref.is_none() {
                        st.vars.insert(binding.ident.to_string(), v);
                    }
                }
                true
            }
            NodeKind::Try { expr, .. } => {
                let tested = cond::option_of_ptr(&expr.expr)
                    .or_else(|| self.null_checked_arg(&expr.expr))
                    .or_else(|| self.wrapped_call(&expr.expr));
                if let Some(ptr) = tested {
                    return self.refine_null(cfg, st, ptr, edge.kind == EdgeKind::TryErr);
                }
                true
            }
            _ => true,
        }
    }
}

/// The variable slot holding a `match` scrutinee's value between the match
/// node and its arm edges; not a Rust identifier, so it never clashes.
const MATCH_SCRUTINEE: &str = "#match";

impl RcDomain<'_> {
    /// `PyErr_Occurred()` was tested: with no exception set, every unchecked
    /// result of an API that returns NULL only with an exception is not NULL;
    /// with one set, they are taken as the failed (NULL) results.
    fn exception_known(&self, st: &mut State, set: bool) {
        let sites = self.sites.borrow();
        for (site, obj) in st.objs.iter_mut() {
            if obj.null == Null::Maybe && sites.get(site).is_some_and(|i| i.failure == Failure::Null) {
                obj.null = if set { Null::Null } else { Null::NonNull };
            }
        }
        st.exc = if set { Exc::Yes } else { Exc::No };
    }

    /// A call of a crate helper returning its object wrapped (`Result<*mut PyObject, E>`,
    /// `Option<NonNull<PyObject>>`), maybe through `.map_err(..)`/`.ok()`: the call
    /// itself is the pointer whose `Ok`/`Some` a `?` or a pattern tests.
    fn wrapped_call<'e>(&self, e: &'e syn::Expr) -> Option<&'e syn::Expr> {
        match place::peel(e) {
            syn::Expr::MethodCall(m) if matches!(m.method.to_string().as_str(), "map_err" | "ok") => {
                self.wrapped_call(&m.receiver)
            }
            call @ syn::Expr::Call(c) => {
                let name = syntax::call_name(c)?;
                (self.api.get(&name).is_none() && self.summaries.get(&name)?.wrapped).then_some(call)
            }
            _ => None,
        }
    }

    /// `check(p)` where `check` is a crate helper that returns `p` when it is not NULL and fails otherwise.
    fn null_checked_arg<'e>(&self, e: &'e syn::Expr) -> Option<&'e syn::Expr> {
        let syn::Expr::Call(c) = place::peel(e) else { return None };
        let name = syntax::call_name(c)?;
        if self.api.get(&name).is_some() {
            return None;
        }
        let s = self.summaries.get(&name)?;
        let i = s.returns_param.filter(|_| s.null_checks_param)?;
        c.args.iter().nth(i)
    }

    fn refine_presence(
        &self,
        cfg: &Cfg<'_>,
        st: &mut State,
        scrutinee: &syn::Expr,
        pat: &syn::Pat,
        presence: cond::Presence,
        matched: bool,
    ) -> bool {
        let ptr = cond::option_of_ptr(scrutinee)
            .or_else(|| self.null_checked_arg(scrutinee))
            .or_else(|| self.wrapped_call(scrutinee));
        if let Some(ptr) = ptr {
            let non_null = match (presence, matched) {
                (cond::Presence::Present, m) => Some(m),
                (cond::Presence::Absent, m) => Some(!m),
                (cond::Presence::Any, _) => None,
            };
            if let Some(non_null) = non_null {
                if !self.refine_null(cfg, st, ptr, !non_null) {
                    return false;
                }
            }
        }
        if matched {
            match (ptr, cond::present_binding(pat)) {
                (Some(ptr), Some(id)) => {
                    let v = self.peek(cfg, st, ptr);
                    st.vars.insert(id.to_string(), v);
                }
                _ => {
                    for id in place::pat_bindings(pat) {
                        st.vars.remove(&id.to_string());
                    }
                }
            }
        }
        true
    }
}

/// A callee from the standard library or libc (`ptr::write_bytes`, `std::ptr::copy`,
/// `libc::memset`): it may read or write memory but never creates a Python object.
fn is_memory_routine(func: &syn::Expr) -> bool {
    let syn::Expr::Path(p) = func else { return false };
    let segments: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
    segments.len() > 1 && matches!(segments[0].as_str(), "std" | "core" | "alloc" | "ptr" | "mem" | "libc")
}

/// The name a call is judged by: its path's last segment, or for a type slot
/// called through a type pointer (`(*tp).tp_alloc.unwrap()(tp, 0)`), the slot.
pub fn callee_name(c: &syn::ExprCall) -> Option<String> {
    syntax::call_name(c).or_else(|| slot_call(&c.func))
}

/// `(*tp).tp_alloc.unwrap()`, `(*tp).tp_new.expect("..")`, `(*tp).tp_alloc.unwrap_unchecked()`:
/// the slot's name, which the API table describes like the C-API function behind it.
fn slot_call(func: &syn::Expr) -> Option<String> {
    let syn::Expr::MethodCall(m) = place::peel(func) else { return None };
    if !matches!(m.method.to_string().as_str(), "unwrap" | "expect" | "unwrap_unchecked") {
        return None;
    }
    let syn::Expr::Field(f) = place::peel(&m.receiver) else { return None };
    let syn::Member::Named(slot) = &f.member else { return None };
    let slot = slot.to_string();
    slot.starts_with("tp_").then_some(slot)
}
