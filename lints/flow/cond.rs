//! Recognisers for the branch conditions clients refine on: NULL tests of
//! pointers, `Option`s built from pointers, and comparisons of status codes.

use super::place::peel;
use crate::capi::Failure;
use crate::syntax;

/// A NULL test of a pointer: `p.is_null()`, `p == ptr::null_mut()`,
/// `ptr::null() != p`, `p.is_null() == false`.
#[derive(Debug, Clone, Copy)]
pub struct NullTest<'e> {
    pub ptr: &'e syn::Expr,
    /// Whether the pointer is NULL when the condition is true.
    pub null_when_true: bool,
}

pub fn null_test(cond: &syn::Expr) -> Option<NullTest<'_>> {
    match peel(cond) {
        syn::Expr::MethodCall(m) if m.method == "is_null" && m.args.is_empty() => {
            Some(NullTest { ptr: &m.receiver, null_when_true: true })
        }
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => {
            null_test(&u.expr).map(|t| NullTest { null_when_true: !t.null_when_true, ..t })
        }
        syn::Expr::Binary(b) => {
            let eq = match b.op {
                syn::BinOp::Eq(_) => true,
                syn::BinOp::Ne(_) => false,
                _ => return None,
            };
            if is_null_ptr(&b.right) {
                Some(NullTest { ptr: &b.left, null_when_true: eq })
            } else if is_null_ptr(&b.left) {
                Some(NullTest { ptr: &b.right, null_when_true: eq })
            } else if let Some(v) = bool_lit(&b.right) {
                // `p.is_null() == false`
                null_test(&b.left).map(|t| NullTest { null_when_true: t.null_when_true == (v == eq), ..t })
            } else {
                None
            }
        }
        _ => None,
    }
}

fn bool_lit(e: &syn::Expr) -> Option<bool> {
    match peel(e) {
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Bool(b), .. }) => Some(b.value),
        _ => None,
    }
}

/// `ptr::null_mut()`, `std::ptr::null()`, `null_mut::<T>()`, `0 as *mut _`, `NULL`.
pub fn is_null_ptr(e: &syn::Expr) -> bool {
    match peel(e) {
        syn::Expr::Call(c) if c.args.is_empty() => {
            matches!(syntax::call_name(c).as_deref(), Some("null_mut" | "null"))
        }
        syn::Expr::Cast(c) => {
            matches!(peel(&c.expr), syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) if i.base10_digits() == "0")
                || is_null_ptr(&c.expr)
        }
        syn::Expr::Path(p) => p.path.is_ident("NULL"),
        _ => false,
    }
}

/// An `Option`/`Result` that is `Some`/`Ok` exactly when a pointer is not NULL:
/// `NonNull::new(p)`, `NonNull::new(p).ok_or(e)`, `.ok_or_else(..)`, `p.as_ref()`, `p.as_mut()`.
/// Returns the pointer expression.
pub fn option_of_ptr(e: &syn::Expr) -> Option<&syn::Expr> {
    match peel(e) {
        syn::Expr::Call(c) if c.args.len() == 1 => {
            let syn::Expr::Path(p) = &*c.func else { return None };
            let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
            let n = segs.len();
            (n >= 2 && segs[n - 1] == "new" && segs[n - 2] == "NonNull").then(|| &c.args[0])
        }
        syn::Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "ok_or" | "ok_or_else" | "ok_or_else_py" => option_of_ptr(&m.receiver),
            "as_ref" | "as_mut" if m.args.is_empty() => Some(&m.receiver),
            _ => None,
        },
        _ => None,
    }
}

/// What matching a pattern against an `Option`/`Result` tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// `Some(..)` / `Ok(..)`.
    Present,
    /// `None` / `Err(..)`.
    Absent,
    /// `_`, a binding, or anything else.
    Any,
}

pub fn pattern_presence(pat: &syn::Pat) -> Presence {
    let name = match pat {
        syn::Pat::TupleStruct(t) => syntax::last_segment(&t.path),
        syn::Pat::Path(p) => syntax::last_segment(&p.path),
        syn::Pat::Ident(i) if i.subpat.is_none() && i.ident == "None" => Some("None".to_string()),
        syn::Pat::Paren(p) => return pattern_presence(&p.pat),
        _ => None,
    };
    match name.as_deref() {
        Some("Some" | "Ok") => Presence::Present,
        Some("None" | "Err") => Presence::Absent,
        _ => Presence::Any,
    }
}

/// The binding inside `Some(x)` / `Ok(x)` (or a plain `x`), if it is a simple identifier.
pub fn present_binding(pat: &syn::Pat) -> Option<&syn::Ident> {
    match pat {
        syn::Pat::TupleStruct(t) if t.elems.len() == 1 => super::place::pat_ident(&t.elems[0]),
        syn::Pat::Paren(p) => present_binding(&p.pat),
        _ => None,
    }
}

/// A comparison operator, with the tested value on the left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    fn flipped(self) -> Self {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
            other => other,
        }
    }
}

/// `value op rhs` with an integer constant on one side: `r < 0`, `-1 == r`, `f(x) != 0`.
#[derive(Debug, Clone, Copy)]
pub struct IntTest<'e> {
    pub value: &'e syn::Expr,
    pub op: CmpOp,
    pub rhs: i64,
}

impl IntTest<'_> {
    /// Whether the comparison holds for the value `v`.
    pub fn holds(&self, v: i64) -> bool {
        match self.op {
            CmpOp::Eq => v == self.rhs,
            CmpOp::Ne => v != self.rhs,
            CmpOp::Lt => v < self.rhs,
            CmpOp::Le => v <= self.rhs,
            CmpOp::Gt => v > self.rhs,
            CmpOp::Ge => v >= self.rhs,
        }
    }
}

pub fn int_test(cond: &syn::Expr) -> Option<IntTest<'_>> {
    let syn::Expr::Binary(b) = peel(cond) else { return None };
    let op = match b.op {
        syn::BinOp::Eq(_) => CmpOp::Eq,
        syn::BinOp::Ne(_) => CmpOp::Ne,
        syn::BinOp::Lt(_) => CmpOp::Lt,
        syn::BinOp::Le(_) => CmpOp::Le,
        syn::BinOp::Gt(_) => CmpOp::Gt,
        syn::BinOp::Ge(_) => CmpOp::Ge,
        _ => return None,
    };
    if let Some(rhs) = int_lit(&b.right) {
        Some(IntTest { value: &b.left, op, rhs })
    } else {
        int_lit(&b.left).map(|lhs| IntTest { value: &b.right, op: op.flipped(), rhs: lhs })
    }
}

/// An integer literal, possibly negated or cast (`-1`, `0 as c_int`). A float literal with an
/// integral value counts too: `PyFloat_AsDouble(x) == -1.0` tests the same error value.
pub fn int_lit(e: &syn::Expr) -> Option<i64> {
    match peel(e) {
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) => i.base10_parse().ok(),
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Float(f), .. }) => {
            let v: f64 = f.base10_parse().ok()?;
            (v.fract() == 0.0 && v.abs() < 1e15).then_some(v as i64)
        }
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => int_lit(&u.expr).map(|v| -v),
        syn::Expr::Cast(c) => int_lit(&c.expr),
        _ => None,
    }
}

/// The integers a `match` arm pattern accepts, as a predicate: `-1`, `0`, `1..`, `i32::MIN..=-1`, `_`.
pub fn int_pattern_holds(pat: &syn::Pat, v: i64) -> Option<bool> {
    match pat {
        syn::Pat::Wild(_) => Some(true),
        syn::Pat::Ident(i) if i.subpat.is_none() => Some(true),
        syn::Pat::Lit(l) => int_lit_expr(&l.lit).map(|k| k == v),
        syn::Pat::Or(o) => {
            let mut any = false;
            for case in &o.cases {
                any |= int_pattern_holds(case, v)?;
            }
            Some(any)
        }
        syn::Pat::Range(r) => {
            let bound = |e: &Option<Box<syn::Expr>>, default: i64| match e {
                None => Some(default),
                Some(e) => int_lit(e).or_else(|| range_const(e)),
            };
            let lo = bound(&r.start, i64::MIN)?;
            let hi = bound(&r.end, i64::MAX)?;
            Some(match r.limits {
                syn::RangeLimits::HalfOpen(_) => lo <= v && v < hi,
                syn::RangeLimits::Closed(_) => lo <= v && v <= hi,
            })
        }
        syn::Pat::Paren(p) => int_pattern_holds(&p.pat, v),
        _ => None,
    }
}

fn int_lit_expr(lit: &syn::Lit) -> Option<i64> {
    match lit {
        syn::Lit::Int(i) => i.base10_parse().ok(),
        _ => None,
    }
}

/// `i32::MIN`, `c_int::MAX` as pattern bounds.
fn range_const(e: &syn::Expr) -> Option<i64> {
    let syn::Expr::Path(p) = peel(e) else { return None };
    match syntax::last_segment(&p.path)?.as_str() {
        "MIN" => Some(i64::MIN),
        "MAX" => Some(i64::MAX),
        _ => None,
    }
}

/// Values a status-returning API gives on success, to judge which branch of a
/// comparison is its failure branch. Predicates (`PyObject_IsTrue`,
/// `PySequence_Contains`, `PyDict_GetItemRef`) also return 1.
pub fn success_values(name: &str) -> &'static [i64] {
    const PREDICATE_WORDS: &[&str] =
        &["Check", "Is", "Has", "Contains", "Compare", "GetItemRef", "GetOptional", "GetRef", "Not", "Next", "Equal"];
    if PREDICATE_WORDS.iter().any(|w| name.contains(w)) {
        &[0, 1]
    } else {
        &[0]
    }
}

/// Whether a branch on a status result is its failure branch: `Some(true)` when
/// every failure value and no success value takes it, `Some(false)` for the
/// reverse, `None` when the branch mixes them (or the convention is not a status).
pub fn status_failed(failure: Failure, name: &str, holds: impl Fn(i64) -> bool) -> Option<bool> {
    let (fail, ok): (&[i64], &[i64]) = match failure {
        Failure::MinusOne => (&[-1], success_values(name)),
        Failure::Zero => (&[0], &[1]),
        _ => return None,
    };
    let fail_taken = fail.iter().all(|&v| holds(v));
    let fail_skipped = fail.iter().all(|&v| !holds(v));
    let ok_taken = ok.iter().any(|&v| holds(v));
    let ok_skipped = ok.iter().all(|&v| !holds(v));
    if fail_taken && ok_skipped {
        Some(true)
    } else if fail_skipped && (ok_taken || ok.is_empty()) {
        Some(false)
    } else {
        None
    }
}
