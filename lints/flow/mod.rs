//! The flow engine: a function body lowered to a control-flow graph, and a
//! generic forward dataflow over it. The refcount, GIL and error-indicator
//! rules are clients; each brings its own abstract [`Domain`].
//!
//! # Using it
//!
//! ```ignore
//! use cpython_rs_lints::flow::{self, Body, Cfg, Domain, Macros, NodeKind};
//!
//! let macros = Macros::collect(cx.files);          // once per crate
//! for f in &cx.index.fns {
//!     // Cheap pre-scan: skip bodies that call nothing the rule cares about.
//!     if !flow::calls_any(f.block, |name| cx.api().get(name).is_some()) { continue }
//!     let body = Body::new(f.block, &macros);      // macros expanded
//!     let cfg = Cfg::of_body(&body);
//!     let Some(solution) = flow::solve(&cfg, &my_domain) else { continue }; // did not settle: stay silent
//!     for id in 0..cfg.nodes.len() {
//!         let Some(before) = solution.before(id) else { continue }; // unreachable
//!         // replay the node's transfer on a copy of `before`, this time reporting
//!     }
//!     for closure in &cfg.closures { let inner = Cfg::of_closure(closure); /* a body of its own */ }
//! }
//! ```
//!
//! # The graph ([`Cfg`])
//!
//! Node 0 is [`Cfg::ENTRY`], 1 the single [`Cfg::EXIT`], 2 [`Cfg::DIVERGE`]
//! (panics, `unreachable!`, `process::abort()`; nothing is checked there).
//! Every way out of the function is a [`NodeKind::Return`] node first (with
//! its [`ReturnKind`]: explicit `return`, the tail, or the error path of `?`),
//! so exit checks (leaks, unbalanced thread state) run in its transfer, once
//! per exit, before the paths merge at `EXIT`.
//!
//! - Plain expressions are one [`NodeKind::Eval`] whose [`Dest`] tells where the
//!   value goes: dropped, `let`-bound, assigned, or kept in a temporary.
//! - `if`, `while` and `&&`/`||`/`!` become [`NodeKind::Test`] nodes on atomic
//!   conditions ([`Cond::Bool`] like `p.is_null()`, or [`Cond::Let`] for
//!   `if let`/`while let`/`let .. else`), with [`EdgeKind::True`]/[`EdgeKind::False`] edges.
//! - `match`: a [`NodeKind::Match`] with an [`EdgeKind::Arm`] edge per arm
//!   (guards are further tests); `for`: [`NodeKind::ForNext`] with
//!   [`EdgeKind::Next`]/[`EdgeKind::Done`]; `loop`, labels, `break` (with values)
//!   and `continue` are edges.
//! - `e?`: a [`NodeKind::Try`] evaluates `e` into a temp, then
//!   [`EdgeKind::TryOk`] continues and [`EdgeKind::TryErr`] returns.
//! - Control flow inside a plain expression (`f(x?)`) is lowered first into a
//!   temporary; the enclosing node reads it with [`Cfg::temp_of`]. Values of
//!   `if`/`match`/blocks are pushed into their branches instead.
//! - Closures are not entered: [`Cfg::closures`] lists them for [`Cfg::of_closure`].
//!
//! Macros are expanded before lowering ([`Body`]): the crate's simple
//! `macro_rules!`, wrapper macros, `assert!`; see [`body`].
//!
//! # The dataflow ([`solve`])
//!
//! Worklist iteration in reverse post-order: [`Domain::transfer`] per node,
//! then [`Domain::edge`] per outgoing edge (refinement and pattern binding;
//! return `false` for an infeasible edge), [`Domain::join`] at merges. A
//! node re-evaluated more than [`solve::MAX_VISITS_PER_NODE`] times means the
//! states did not settle: `solve` returns `None` and the client says nothing.
//!
//! # Helpers
//!
//! [`cond`] recognises what clients refine on: NULL tests (`p.is_null()`,
//! `!p.is_null()`, `p == ptr::null_mut()`), `Option`s of pointers
//! (`NonNull::new(p)`, `p.as_ref()`, with `Some`/`None` patterns), integer
//! comparisons (`r < 0`, `r == -1`, `r != 0`) and which side of them is an
//! API's failure ([`cond::status_failed`]). [`place`] names places (`obj`,
//! `self.dict`) and sees through aliasing syntax (`as` casts, `.cast()`,
//! `NonNull::as_ptr`).

pub mod body;
pub mod cfg;
pub mod cond;
pub mod place;
pub mod solve;

pub use body::{Body, Macros};
pub use cfg::{Cfg, Cond, Dest, Edge, EdgeKind, Node, NodeId, NodeKind, ReturnKind, TempId};
pub use place::Place;
pub use solve::{solve, Domain, Solution};

use syn::visit::Visit;

/// Whether a block calls (directly, or inside a macro invocation) a function
/// whose last path segment satisfies `wanted`. Closures and nested items count too.
pub fn calls_any(block: &syn::Block, wanted: impl Fn(&str) -> bool) -> bool {
    struct Scan<F> {
        wanted: F,
        found: bool,
    }
    impl<'ast, F: Fn(&str) -> bool> Visit<'ast> for Scan<F> {
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            if self.found {
                return;
            }
            if let syn::Expr::Path(p) = &*call.func {
                if p.path.segments.last().is_some_and(|s| (self.wanted)(&s.ident.to_string())) {
                    self.found = true;
                    return;
                }
            }
            syn::visit::visit_expr_call(self, call);
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if self.found {
                return;
            }
            // Token scan: cheap, and covers macros that do not parse as expressions.
            self.found = tokens_mention(mac.tokens.clone(), &self.wanted);
        }
    }
    let mut scan = Scan { wanted, found: false };
    scan.visit_block(block);
    scan.found
}

fn tokens_mention(tokens: proc_macro2::TokenStream, wanted: &impl Fn(&str) -> bool) -> bool {
    tokens.into_iter().any(|t| match t {
        proc_macro2::TokenTree::Ident(id) => wanted(&id.to_string()),
        proc_macro2::TokenTree::Group(g) => tokens_mention(g.stream(), wanted),
        _ => false,
    })
}

#[cfg(test)]
mod tests;
