//! Places (what a state is kept for) and the syntax that only renames a value.

use std::fmt;

/// A pointer-valued place: a local (`obj`) or a simple field path on one
/// (`self.dict`, `(*state).cache` is written `state.cache`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Place {
    pub root: String,
    pub fields: Vec<String>,
}

impl Place {
    pub fn local(name: impl Into<String>) -> Self {
        Place { root: name.into(), fields: Vec::new() }
    }

    pub fn is_local(&self) -> bool {
        self.fields.is_empty()
    }

    /// Whether `self` is `other` or a field path under it.
    pub fn starts_with(&self, other: &Place) -> bool {
        self.root == other.root && self.fields.starts_with(&other.fields)
    }

    /// Whether the root names a `static` (written in upper case by convention).
    pub fn is_static(&self) -> bool {
        is_static_name(&self.root)
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.root)?;
        for field in &self.fields {
            write!(f, ".{field}")?;
        }
        Ok(())
    }
}

/// `SCREAMING_CASE` names: statics and constants.
pub fn is_static_name(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// Strip what does not change a value: parentheses, invisible groups, and
/// blocks that are only a tail expression (`unsafe { f(x) }`, `{ x }`).
pub fn peel(e: &syn::Expr) -> &syn::Expr {
    match e {
        syn::Expr::Paren(p) => peel(&p.expr),
        syn::Expr::Group(g) => peel(&g.expr),
        syn::Expr::Block(b) if b.label.is_none() => match b.block.stmts.as_slice() {
            [syn::Stmt::Expr(inner, None)] => peel(inner),
            _ => e,
        },
        syn::Expr::Unsafe(u) => match u.block.stmts.as_slice() {
            [syn::Stmt::Expr(inner, None)] => peel(inner),
            _ => e,
        },
        _ => e,
    }
}

/// Strip what only renames a pointer (the result aliases the operand):
/// `as` casts, `.cast()`, `.cast_mut()`, `.cast_const()`, `.as_ptr()`,
/// `NonNull::as_ptr(x)`, `NonNull::new_unchecked(x)`, `&mut *x`, besides [`peel`].
pub fn peel_alias(e: &syn::Expr) -> &syn::Expr {
    let e = peel(e);
    match e {
        syn::Expr::Cast(c) => peel_alias(&c.expr),
        syn::Expr::MethodCall(m)
            if m.args.is_empty()
                && matches!(m.method.to_string().as_str(), "cast" | "cast_mut" | "cast_const" | "as_ptr") =>
        {
            peel_alias(&m.receiver)
        }
        syn::Expr::Call(c) if c.args.len() == 1 => match &*c.func {
            syn::Expr::Path(p) => {
                let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
                let n = segs.len();
                let nonnull = n >= 2 && segs[n - 2] == "NonNull";
                if nonnull && matches!(segs[n - 1].as_str(), "as_ptr" | "new_unchecked") {
                    peel_alias(&c.args[0])
                } else {
                    e
                }
            }
            _ => e,
        },
        syn::Expr::Reference(r) => match peel(&r.expr) {
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => peel_alias(&u.expr),
            _ => e,
        },
        _ => e,
    }
}

/// The place an expression names, looking through [`peel_alias`] and derefs
/// of field bases (`(*self_).dict` -> `self_.dict`). `None` for anything
/// else (calls, indexing, literals) and for paths with more than one segment.
pub fn place_of(e: &syn::Expr) -> Option<Place> {
    match peel_alias(e) {
        syn::Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
            Some(Place::local(p.path.segments[0].ident.to_string()))
        }
        syn::Expr::Field(f) => {
            let mut base = place_of(&f.base)?;
            base.fields.push(match &f.member {
                syn::Member::Named(id) => id.to_string(),
                syn::Member::Unnamed(i) => i.index.to_string(),
            });
            Some(base)
        }
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
            // Only as the base of a field: `(*p).f`. A bare `*p` is the pointee, not `p`.
            None
        }
        _ => None,
    }
    .or_else(|| field_base_deref(e))
}

/// `(*p).field` -> `p.field`.
fn field_base_deref(e: &syn::Expr) -> Option<Place> {
    let syn::Expr::Field(f) = peel_alias(e) else { return None };
    let syn::Expr::Unary(u) = peel(&f.base) else { return None };
    if !matches!(u.op, syn::UnOp::Deref(_)) {
        return None;
    }
    let mut base = place_of(&u.expr)?;
    base.fields.push(match &f.member {
        syn::Member::Named(id) => id.to_string(),
        syn::Member::Unnamed(i) => i.index.to_string(),
    });
    Some(base)
}

/// The identifier a simple pattern binds: `x`, `mut x`, `x: T`, `(x)`.
pub fn pat_ident(pat: &syn::Pat) -> Option<&syn::Ident> {
    match pat {
        syn::Pat::Ident(i) if i.subpat.is_none() => Some(&i.ident),
        syn::Pat::Type(t) => pat_ident(&t.pat),
        syn::Pat::Paren(p) => pat_ident(&p.pat),
        _ => None,
    }
}

/// Every identifier a pattern binds (`(a, Some(b))` -> `a`, `b`).
pub fn pat_bindings(pat: &syn::Pat) -> Vec<&syn::Ident> {
    struct Ids<'a>(Vec<&'a syn::Ident>);
    impl<'a> syn::visit::Visit<'a> for Ids<'a> {
        fn visit_pat_ident(&mut self, i: &'a syn::PatIdent) {
            self.0.push(&i.ident);
            syn::visit::visit_pat_ident(self, i);
        }
    }
    let mut ids = Ids(Vec::new());
    syn::visit::Visit::visit_pat(&mut ids, pat);
    ids.0
}

/// The parameters of a signature as (pattern identifier, type), skipping `self`.
pub fn params(sig: &syn::Signature) -> Vec<(Option<&syn::Ident>, &syn::Type)> {
    sig.inputs
        .iter()
        .filter_map(|arg| match arg {
            syn::FnArg::Typed(t) => Some((pat_ident(&t.pat), &*t.ty)),
            syn::FnArg::Receiver(_) => None,
        })
        .collect()
}
