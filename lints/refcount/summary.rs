//! Summaries of the crate's own functions, computed bottom-up by running the
//! refcount domain on each one: what it returns, what it does with each
//! object parameter, and whether its failures come with an exception set.
//! Call sites use them like C-API table rows. The error-indicator rules read
//! [`FnSummary::sets_exception_on_failure`].

use std::collections::HashMap;

use super::domain::{Exc, ExitRecord, Finding, Null, Own, RetClass};
use crate::capi::{Failure, Returns};
use crate::context::CrateContext;
use crate::flow::Macros;

/// What a function does with one of its object parameters, on every path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamEffect {
    /// Only looks at it: the caller's reference is untouched.
    Borrows,
    /// Releases it (decref): the caller must not use it afterwards.
    Releases,
    /// Takes it over (stores it, hands it to a stealing API, releases it).
    Steals,
    /// Paths disagree, or it goes somewhere the checker cannot follow.
    Unknown,
}

/// What a crate function does, as far as its callers' reference counts care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FnSummary {
    /// `Some(New)`/`Some(Borrowed)` when every non-NULL return agrees.
    pub returns: Option<Returns>,
    /// How it reports failure: `Null`/`MinusOne` when every NULL or negative
    /// literal it returns comes with an exception set; `NullOrAbsent` when a
    /// NULL may come without one; `Never` when it has no such return.
    pub failure: Failure,
    /// One entry per parameter (`self` excluded); non-object parameters are `Borrows`.
    pub params: Vec<ParamEffect>,
    /// Every failure return (NULL, or a negative literal) happens with an exception set.
    pub sets_exception_on_failure: bool,
    /// Returns this parameter itself (possibly as `Ok(p)`/`Some(p)`) or a value holding no object.
    pub returns_param: Option<usize>,
    /// With `returns_param`: it returns the parameter exactly when it is not NULL (a NULL check helper).
    pub null_checks_param: bool,
    /// The object comes wrapped (`Result<*mut PyObject, E>`, `Option<NonNull<PyObject>>`):
    /// `Err`/`None` is the failure, and `?`, `let .. else` and `match` test it.
    pub wrapped: bool,
}

/// Summaries of one crate's functions, by name. A name defined more than once is left
/// out, unless every definition is a `#[cfg]` alternative: those are summarised one
/// by one and merged, so a caller is judged against each of them.
#[derive(Debug, Default)]
pub struct Summaries {
    by_name: HashMap<String, FnSummary>,
    /// Findings of the functions analysed in the round that settled (by index in
    /// the crate index): they were computed with the final summaries already.
    settled_findings: HashMap<usize, Vec<Finding>>,
}

/// Rounds of bottom-up refinement (helpers of helpers of helpers).
const ROUNDS: usize = 3;

impl Summaries {
    pub fn get(&self, name: &str) -> Option<&FnSummary> {
        self.by_name.get(name)
    }

    /// The findings of function `index` if the last summary round already computed them.
    pub(super) fn take_findings(&mut self, index: usize) -> Option<Vec<Finding>> {
        self.settled_findings.remove(&index)
    }

    pub fn len(&self) -> usize {
        self.by_name.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }

    /// Summarise every function of the crate that touches the C-API, directly or through another.
    pub fn compute(cx: &CrateContext<'_>, macros: &Macros) -> Self {
        let mut summaries = Summaries::default();
        let called = cx.index.called_names();
        let unique: Vec<usize> = (0..cx.index.fns.len())
            .filter(|&i| {
                let f = &cx.index.fns[i];
                called.contains(f.name.as_str())
                    && !f.name.starts_with("PyInit_")
                    && cx.api().get(&f.name).is_none()
                    && (cx.index.fns_named(&f.name).count() == 1 || cfg_alternatives(cx, &f.name))
            })
            .collect();
        for _ in 0..ROUNDS {
            let mut next = Summaries::default();
            let mut findings = HashMap::new();
            for &i in &unique {
                let f = &cx.index.fns[i];
                if !super::touches_capi(cx, f, &summaries) && !crate::syntax::signature_mentions_pyobject(f.sig) {
                    continue;
                }
                let mut found = Vec::new();
                if let Some(exits) = super::analyse_fn(cx, f, &summaries, macros, Some(&mut found)) {
                    let summary = summarise(f.sig, &exits);
                    let merged = match next.by_name.remove(&f.name) {
                        Some(other) => merge(other, summary),
                        None => summary,
                    };
                    next.by_name.insert(f.name.clone(), merged);
                    findings.insert(i, found);
                }
            }
            let settled = next.by_name == summaries.by_name;
            summaries = next;
            if settled {
                summaries.settled_findings = findings;
                break;
            }
        }
        summaries
    }
}

/// Whether every definition of `name` is selected by a `#[cfg(..)]` (a helper
/// written once per Python version, platform or build flavour) and returns an
/// object: what callers leak. (Shims over the C API that return a status stay
/// unknown callees, which leave a NULL unchecked.)
fn cfg_alternatives(cx: &CrateContext<'_>, name: &str) -> bool {
    cx.index.fns_named(name).all(|f| {
        let object = matches!(&f.sig.output, syn::ReturnType::Type(_, ty)
            if crate::syntax::is_object_ptr(ty) || crate::syntax::is_wrapped_object_ptr(ty));
        object && f.self_ty.is_none() && f.attrs.iter().any(|a| a.path().is_ident("cfg"))
    })
}

/// One summary for two `#[cfg]` alternatives: a caller leaks if it leaks under
/// either, so a new reference from one of them counts whatever the other returns;
/// where they disagree on anything else, nothing is claimed.
fn merge(a: FnSummary, b: FnSummary) -> FnSummary {
    let returns = if a.returns == b.returns {
        a.returns
    } else if a.returns == Some(Returns::New) || b.returns == Some(Returns::New) {
        Some(Returns::New)
    } else {
        None
    };
    let failure = if a.failure == b.failure { a.failure } else { Failure::NullOrAbsent };
    let params =
        if a.params == b.params { a.params } else { vec![ParamEffect::Unknown; a.params.len().max(b.params.len())] };
    let returns_param = if a.returns_param == b.returns_param { a.returns_param } else { None };
    FnSummary {
        returns: if returns_param.is_some() { None } else { returns },
        failure,
        params,
        sets_exception_on_failure: a.sets_exception_on_failure && b.sets_exception_on_failure,
        returns_param,
        null_checks_param: returns_param.is_some() && a.null_checks_param && b.null_checks_param,
        wrapped: a.wrapped && b.wrapped,
    }
}

fn summarise(sig: &syn::Signature, exits: &[ExitRecord]) -> FnSummary {
    let wrapped = matches!(&sig.output, syn::ReturnType::Type(_, ty) if crate::syntax::is_wrapped_object_ptr(ty));
    let returns_object = match &sig.output {
        syn::ReturnType::Type(_, ty) => crate::syntax::is_object_ptr(ty) || wrapped,
        syn::ReturnType::Default => false,
    };
    let returns = if returns_object && !exits.is_empty() {
        let class = |c: RetClass| exits.iter().all(|e| e.ret == c || e.ret == RetClass::Null);
        let any = |c: RetClass| exits.iter().any(|e| e.ret == c);
        if class(RetClass::New) && any(RetClass::New) {
            Some(Returns::New)
        } else if class(RetClass::Borrowed) && any(RetClass::Borrowed) {
            Some(Returns::Borrowed)
        } else {
            None
        }
    } else {
        None
    };
    let failing: Vec<&ExitRecord> =
        exits.iter().filter(|e| if returns_object { e.ret == RetClass::Null } else { e.negative_literal }).collect();
    let failure = if failing.is_empty() {
        Failure::Never
    } else if failing.iter().all(|e| e.exc == Exc::Yes) {
        if returns_object {
            Failure::Null
        } else {
            Failure::MinusOne
        }
    } else if returns_object {
        Failure::NullOrAbsent
    } else {
        Failure::Never
    };
    let n = crate::flow::place::params(sig).len();
    let params: Vec<ParamEffect> = (0..n)
        .map(|i| {
            let states: Vec<Option<&Own>> = exits.iter().map(|e| e.params.get(i).and_then(Option::as_ref)).collect();
            if states.is_empty() || states.iter().any(Option::is_none) {
                // Not an object parameter (or no exit at all).
                return if states.iter().all(Option::is_none) && !states.is_empty() {
                    ParamEffect::Borrows
                } else {
                    ParamEffect::Unknown
                };
            }
            let states: Vec<&Own> = states.into_iter().flatten().collect();
            if states.iter().all(|o| **o == Own::Param(0)) {
                ParamEffect::Borrows
            } else if states.iter().all(|o| matches!(o, Own::Released(_))) {
                ParamEffect::Releases
            } else if states.iter().all(|o| matches!(o, Own::Released(_) | Own::Stolen(_) | Own::Escaped)) {
                ParamEffect::Steals
            } else {
                ParamEffect::Unknown
            }
        })
        .collect();
    let returns_param = exits.iter().find_map(|e| e.returns_param).filter(|&i| {
        exits.iter().all(|e| e.returns_param == Some(i) || matches!(e.ret, RetClass::Null | RetClass::Nothing))
    });
    let null_checks_param = returns_param.is_some_and(|i| {
        exits.iter().all(|e| {
            let null = e.param_nulls.get(i).copied().flatten();
            if e.returns_param == Some(i) {
                e.returns_checked_param || null == Some(Null::NonNull)
            } else {
                null == Some(Null::Null)
            }
        })
    });
    let mut params = params;
    if let Some(i) = returns_param {
        if let Some(p) = params.get_mut(i) {
            *p = ParamEffect::Borrows;
        }
    }
    FnSummary {
        returns: if returns_param.is_some() { None } else { returns },
        failure,
        params,
        sets_exception_on_failure: matches!(failure, Failure::Null | Failure::MinusOne),
        returns_param,
        null_checks_param,
        wrapped,
    }
}
