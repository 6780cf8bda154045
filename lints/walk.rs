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
        crate::stack::guard(|| syn::visit::visit_expr(self, e));
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

/// Something a flow node evaluates, as [`eval_order`] lists it.
#[derive(Clone, Copy)]
pub enum Evaluated<'e> {
    Call(&'e syn::ExprCall),
    Method(&'e syn::ExprMethodCall),
    /// A closure created here (its body runs later, or elsewhere).
    Closure(&'e syn::ExprClosure),
    /// A macro the flow engine could not expand.
    Macro(&'e syn::Macro),
}

/// What a flow node's expression evaluates, in evaluation order (receivers and
/// arguments before their call), skipping sub-expressions that earlier nodes
/// evaluated into temporaries.
pub fn eval_order<'e>(cfg: &crate::flow::Cfg<'_>, e: &'e syn::Expr) -> Vec<Evaluated<'e>> {
    let mut out = Vec::new();
    eval_into(cfg, e, true, &mut out);
    out
}

fn eval_into<'e>(cfg: &crate::flow::Cfg<'_>, e: &'e syn::Expr, root: bool, out: &mut Vec<Evaluated<'e>>) {
    crate::stack::guard(|| eval_into_guarded(cfg, e, root, out))
}

fn eval_into_guarded<'e>(cfg: &crate::flow::Cfg<'_>, e: &'e syn::Expr, root: bool, out: &mut Vec<Evaluated<'e>>) {
    if !root && cfg.temp_of(e).is_some() {
        return;
    }
    match e {
        syn::Expr::Closure(c) => out.push(Evaluated::Closure(c)),
        syn::Expr::Macro(m) => out.push(Evaluated::Macro(&m.mac)),
        syn::Expr::Call(call) => {
            for arg in &call.args {
                eval_into(cfg, arg, false, out);
            }
            out.push(Evaluated::Call(call));
        }
        syn::Expr::MethodCall(m) => {
            eval_into(cfg, &m.receiver, false, out);
            for arg in &m.args {
                eval_into(cfg, arg, false, out);
            }
            out.push(Evaluated::Method(m));
        }
        syn::Expr::Unsafe(u) => block_into(cfg, &u.block, out),
        syn::Expr::Block(b) => block_into(cfg, &b.block, out),
        other => {
            for child in crate::flow::cfg::children(other) {
                eval_into(cfg, child, false, out);
            }
        }
    }
}

fn block_into<'e>(cfg: &crate::flow::Cfg<'_>, block: &'e syn::Block, out: &mut Vec<Evaluated<'e>>) {
    for stmt in &block.stmts {
        match stmt {
            syn::Stmt::Expr(e, _) => eval_into(cfg, e, false, out),
            syn::Stmt::Local(l) => {
                if let Some(init) = &l.init {
                    eval_into(cfg, &init.expr, false, out);
                }
            }
            syn::Stmt::Macro(m) => out.push(Evaluated::Macro(&m.mac)),
            syn::Stmt::Item(_) => {}
        }
    }
}
