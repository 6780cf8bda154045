//! Calls whose failure report is pointless where they stand: EI002 stays
//! silent about discarding their result.
//!
//! `PyList_SetItem` and `PyTuple_SetItem` fail only when the container is not
//! a list (tuple) or the index is out of range. Into a container the function
//! just made with `PyList_New(n)` / `PyTuple_New(n)`, at an index that is in
//! range by construction (a literal under a literal size, the variable of a
//! `for i in 0..n` loop, the index of an `.enumerate()` over the collection
//! whose `len()` sized it), neither can happen.

use std::collections::HashMap;

use crate::flow::place::peel;
use crate::syntax;
use crate::walk::{self, Node};

/// Facts about one function body, gathered on first need.
#[derive(Default)]
pub struct CannotFail {
    /// Locals bound to a fresh list or tuple: name -> (constructor, size expression).
    fresh: HashMap<String, (&'static str, String)>,
    /// Loop variables: name -> the bound their values stay under.
    bounded: HashMap<String, Bound>,
}

#[derive(Debug, Clone)]
enum Bound {
    /// `for i in 0..n`: `i < n`.
    Below(String),
    /// `for (i, _) in items.iter().enumerate()`: `i < items.len()`.
    IndexOf(String),
}

impl CannotFail {
    pub fn collect(block: &syn::Block) -> Self {
        let mut facts = CannotFail::default();
        walk::walk_block(block, &mut |node| match node {
            Node::Stmt(syn::Stmt::Local(local)) => {
                let (Some(init), syn::Pat::Ident(id)) = (&local.init, strip_type(&local.pat)) else { return };
                if let Some(fresh) = fresh_container(&init.expr) {
                    facts.fresh.insert(id.ident.to_string(), fresh);
                }
            }
            Node::Expr(syn::Expr::ForLoop(l)) => facts.loop_bound(&l.pat, &l.expr),
            _ => {}
        });
        facts
    }

    fn loop_bound(&mut self, pat: &syn::Pat, iter: &syn::Expr) {
        match (strip_type(pat), peel(iter)) {
            (syn::Pat::Ident(id), syn::Expr::Range(r)) if r.start.as_deref().is_none_or(is_zero) => {
                if let (Some(end), syn::RangeLimits::HalfOpen(_)) = (&r.end, r.limits) {
                    self.bounded.insert(id.ident.to_string(), Bound::Below(text(end)));
                }
            }
            (syn::Pat::Tuple(t), syn::Expr::MethodCall(m)) if m.method == "enumerate" && !t.elems.is_empty() => {
                if let syn::Pat::Ident(id) = strip_type(&t.elems[0]) {
                    if let Some(root) = collection_root(&m.receiver) {
                        self.bounded.insert(id.ident.to_string(), Bound::IndexOf(root));
                    }
                }
            }
            _ => {}
        }
    }

    /// Whether this `PyList_SetItem`/`PyTuple_SetItem` call cannot fail.
    pub fn set_item_in_range(&self, name: &str, call: &syn::ExprCall) -> bool {
        let Some(kind) = (match name {
            "PyList_SetItem" => Some("PyList_New"),
            "PyTuple_SetItem" => Some("PyTuple_New"),
            _ => None,
        }) else {
            return false;
        };
        let args: Vec<&syn::Expr> = call.args.iter().collect();
        let [container, index, _] = args[..] else { return false };
        let Some((made_by, size)) = single_name(container).and_then(|n| self.fresh.get(&n)) else { return false };
        if *made_by != kind {
            return false;
        }
        let index = strip_casts(index);
        if let (Some(i), Some(n)) = (int_literal(index), size.parse::<u64>().ok()) {
            return i < n;
        }
        match single_name(index).and_then(|n| self.bounded.get(&n)) {
            Some(Bound::Below(end)) => end == size,
            Some(Bound::IndexOf(root)) => *size == format!("{root}.len()"),
            None => false,
        }
    }
}

fn strip_type(pat: &syn::Pat) -> &syn::Pat {
    match pat {
        syn::Pat::Type(t) => strip_type(&t.pat),
        other => other,
    }
}

fn is_zero(e: &syn::Expr) -> bool {
    int_literal(strip_casts(e)) == Some(0)
}

fn int_literal(e: &syn::Expr) -> Option<u64> {
    match e {
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) => i.base10_parse().ok(),
        _ => None,
    }
}

/// An expression without casts: `i as Py_ssize_t` is `i`.
fn strip_casts(e: &syn::Expr) -> &syn::Expr {
    match peel(e) {
        syn::Expr::Cast(c) => strip_casts(&c.expr),
        other => other,
    }
}

/// The text of a size or bound, casts removed, so `n as Py_ssize_t` and `n` agree.
fn text(e: &syn::Expr) -> String {
    syntax::expr_text(strip_casts(e)).replace(' ', "")
}

fn single_name(e: &syn::Expr) -> Option<String> {
    match strip_casts(e) {
        syn::Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
            Some(p.path.segments[0].ident.to_string())
        }
        _ => None,
    }
}

/// `items` of `items.iter()`, `items.into_iter()`, `items.iter().copied()`: what is enumerated.
fn collection_root(e: &syn::Expr) -> Option<String> {
    match strip_casts(e) {
        syn::Expr::MethodCall(m)
            if m.args.is_empty()
                && matches!(m.method.to_string().as_str(), "iter" | "into_iter" | "copied" | "cloned") =>
        {
            collection_root(&m.receiver)
        }
        syn::Expr::Reference(r) => collection_root(&r.expr),
        other @ (syn::Expr::Path(_) | syn::Expr::Field(_)) => Some(text(other)),
        _ => None,
    }
}

/// `PyList_New(n)` / `PyTuple_New(n)`, possibly wrapped: the constructor and `n`.
fn fresh_container(e: &syn::Expr) -> Option<(&'static str, String)> {
    let syn::Expr::Call(call) = strip_casts(e) else { return None };
    let kind = match syntax::call_name(call)?.as_str() {
        "PyList_New" => "PyList_New",
        "PyTuple_New" => "PyTuple_New",
        _ => return None,
    };
    let [size] = call.args.iter().collect::<Vec<_>>()[..] else { return None };
    Some((kind, text(size)))
}
