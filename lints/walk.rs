//! Pre-order walks over one function body that see what the analyses see:
//! expressions inside wrapper macros (`ffi!(Py_DECREF(x))`) included, nested
//! items (which the index lists as functions of their own) excluded.

use syn::visit::Visit;

/// A node met by [`walk_block`] / [`walk_expr`].
#[derive(Clone, Copy)]
pub enum Node<'a> {
    Expr(&'a syn::Expr),
    Stmt(&'a syn::Stmt),
}

/// Call `f` on every statement and expression of `block`, outer before inner, in source order.
pub fn walk_block(block: &syn::Block, f: &mut dyn FnMut(Node<'_>)) {
    Walker { f }.visit_block(block);
}

/// Call `f` on `expr` and every expression and statement inside it.
pub fn walk_expr(expr: &syn::Expr, f: &mut dyn FnMut(Node<'_>)) {
    Walker { f }.visit_expr(expr);
}

/// Every call in `block` by its matched name (last path segment), with the call.
pub fn each_call(block: &syn::Block, f: &mut dyn FnMut(&str, &syn::ExprCall)) {
    walk_block(block, &mut |node| {
        if let Node::Expr(syn::Expr::Call(call)) = node {
            if let Some(name) = crate::syntax::call_name(call) {
                f(&name, call);
            }
        }
    });
}

/// Whether `block` calls a function named `name` anywhere (wrapper macros and closures included).
pub fn block_calls(block: &syn::Block, names: &[&str]) -> bool {
    let mut found = false;
    each_call(block, &mut |name, _| found |= names.contains(&name));
    found
}

struct Walker<'f> {
    f: &'f mut dyn FnMut(Node<'_>),
}

impl<'ast> Visit<'ast> for Walker<'_> {
    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        (self.f)(Node::Expr(e));
        syn::visit::visit_expr(self, e);
    }

    fn visit_stmt(&mut self, s: &'ast syn::Stmt) {
        (self.f)(Node::Stmt(s));
        syn::visit::visit_stmt(self, s);
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if let Some(exprs) = crate::syntax::macro_exprs(mac) {
            for e in &exprs {
                self.visit_expr(e);
            }
        }
    }
}
