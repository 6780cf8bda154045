//! Module definition: MD001 method flags against callbacks, MD002 table
//! sentinels, MD003 single-phase init, MD004 process-global object pointers,
//! MD005 argument format strings against the arguments passed.
//!
//! One walk per file finds method entries, tables, statics and
//! `PyModule_Create*` calls (inside macro bodies too); MD005 walks each
//! function so it can see the function's local declarations.

mod args;
mod format;
mod immortal;
mod items;
mod methods;
mod sentinel;
mod state;
mod tables;

use std::collections::HashSet;

use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::context::CrateContext;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::registry::Rule;
use crate::source::SourceFile;
use crate::syntax;

pub use format::{parse_build_format, parse_parse_format, Unit};

pub const RULES: &[Rule] = &[
    declare_rule!(
        "MD001",
        "meth-flags-mismatch",
        Module,
        Error,
        "A `PyMethodDef`'s `ml_flags` disagree with its callback's parameters or `ml_meth` variant"
    ),
    declare_rule!(
        "MD002",
        "missing-sentinel",
        Module,
        Error,
        "A method, member, getset or slot table does not end with a zeroed sentinel"
    ),
    declare_rule!(
        "MD003",
        "single-phase-init",
        Module,
        Warning,
        "A module is initialised with `PyModule_Create*` (single-phase) instead of multi-phase init"
    ),
    declare_rule!(
        "MD004",
        "static-pyobject-state",
        Module,
        Warning,
        "A `static` holds a Python object pointer: process-global state instead of per-module state"
    ),
    declare_rule!(
        "MD005",
        "arg-format-mismatch",
        Module,
        Error,
        "A `PyArg_Parse*`/`Py_BuildValue` format string disagrees with the arguments passed"
    ),
];

pub fn check(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    let items = items::Items::collect(cx.files);
    let enabled = Enabled {
        md001: cx.enabled("MD001"),
        md002: cx.enabled("MD002"),
        md003: cx.enabled("MD003"),
        md004: cx.enabled("MD004"),
    };
    if enabled.md001 || enabled.md002 || enabled.md003 || enabled.md004 {
        let immortal = if enabled.md004 { immortal::immortal_statics(cx.files) } else { HashSet::new() };
        for file in cx.files {
            let mut walker = Walker {
                cx,
                file,
                items: &items,
                enabled,
                handled: HashSet::new(),
                in_pyinit: false,
                immortal: &immortal,
                out,
            };
            walker.visit_file(&file.ast);
        }
    }
    if cx.enabled("MD005") {
        args::check(cx, &items, out);
    }
}

#[derive(Clone, Copy)]
struct Enabled {
    md001: bool,
    md002: bool,
    md003: bool,
    md004: bool,
}

/// The per-file walk behind MD001-MD004.
struct Walker<'w, 'a> {
    cx: &'w CrateContext<'a>,
    file: &'w SourceFile,
    items: &'w items::Items<'a>,
    enabled: Enabled,
    /// Start offsets of arrays already checked (with their declared element type) or to leave alone.
    handled: HashSet<usize>,
    /// Inside a `PyInit_*` function.
    in_pyinit: bool,
    /// Statics that only ever hold immortal objects or static types (MD004 leaves them alone).
    immortal: &'w HashSet<String>,
    out: &'w mut Vec<Diagnostic>,
}

impl Walker<'_, '_> {
    /// A declared item or binding whose initialiser may be a table: check it with the declared type.
    fn typed_table(&mut self, name: Option<&syn::Ident>, ty: Option<&syn::Type>, init: &syn::Expr) {
        if !self.enabled.md002 {
            return;
        }
        if let syn::Expr::Call(call) = peel(init) {
            // `let t = make_table(&[..])`: a Rust function takes the slice (see `skip_slice_arguments`).
            if syntax::call_name(call).is_some_and(|n| self.cx.index.fns_named(&n).next().is_some()) {
                return;
            }
        }
        let kind = ty.and_then(tables::kind_of_type);
        if let Some(array) = tables::table_literal(init) {
            let brackets = array.bracket_token.span.join();
            if self.handled.insert(self.file.range(brackets).start) {
                let length = ty.map_or(sentinel::Length::Free, sentinel::Length::of_type);
                let site = sentinel::Site { close: array.bracket_token.span.close(), length };
                tables::check_array(self, array.elems.iter().collect(), kind, name, brackets, site);
            }
        }
    }

    /// A table handed to Rust code (`make_type(&[..])`, `builder.slots(vec![..])`) is a
    /// slice with a length; that code adds the terminator if C needs one.
    fn skip_slice_arguments<'e>(&mut self, args: impl Iterator<Item = &'e syn::Expr>) {
        for arg in args {
            let mut inner = peel(arg);
            while let syn::Expr::Reference(r) = inner {
                inner = peel(&r.expr);
            }
            let span = match inner {
                syn::Expr::Array(a) => a.bracket_token.span.join(),
                syn::Expr::Macro(m) if syntax::macro_name(&m.mac) == "vec" => m.mac.delimiter.span().join(),
                _ => continue,
            };
            self.handled.insert(self.file.range(span).start);
        }
    }
}

impl<'ast> Visit<'ast> for Walker<'_, '_> {
    fn visit_expr_struct(&mut self, lit: &'ast syn::ExprStruct) {
        if self.enabled.md001 && syntax::last_segment(&lit.path).as_deref() == Some("PyMethodDef") {
            methods::check_struct_entry(self, lit);
        }
        syn::visit::visit_expr_struct(self, lit);
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        let crate_fn = syntax::call_name(call).is_some_and(|n| self.cx.index.fns_named(&n).next().is_some());
        if crate_fn {
            self.skip_slice_arguments(call.args.iter());
        }
        if self.enabled.md001 {
            methods::check_call_entry(self, call.args.iter(), &syntax::expr_text(&call.func));
        }
        if self.enabled.md003 {
            state::check_single_phase(self, call);
        }
        syn::visit::visit_expr_call(self, call);
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        self.skip_slice_arguments(call.args.iter());
        syn::visit::visit_expr_method_call(self, call);
    }

    fn visit_expr_array(&mut self, array: &'ast syn::ExprArray) {
        let brackets = array.bracket_token.span.join();
        if self.enabled.md002 && self.handled.insert(self.file.range(brackets).start) {
            let site = sentinel::Site { close: array.bracket_token.span.close(), length: sentinel::Length::Elsewhere };
            tables::check_array(self, array.elems.iter().collect(), None, None, array.bracket_token.span.open(), site);
        }
        syn::visit::visit_expr_array(self, array);
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        let outer = std::mem::replace(&mut self.in_pyinit, f.sig.ident.to_string().starts_with("PyInit_"));
        syn::visit::visit_item_fn(self, f);
        self.in_pyinit = outer;
    }

    fn visit_item_static(&mut self, item: &'ast syn::ItemStatic) {
        if self.enabled.md004 {
            state::check_static(self, item);
        }
        self.typed_table(Some(&item.ident), Some(&item.ty), &item.expr);
        syn::visit::visit_item_static(self, item);
    }

    fn visit_item_const(&mut self, item: &'ast syn::ItemConst) {
        self.typed_table(Some(&item.ident), Some(&item.ty), &item.expr);
        syn::visit::visit_item_const(self, item);
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        if let Some(init) = &local.init {
            // `let mut v = vec![..]` may be completed later (`v.push(sentinel)`).
            let binding = match &local.pat {
                syn::Pat::Type(pt) => &*pt.pat,
                other => other,
            };
            if let (syn::Pat::Ident(p), syn::Expr::Macro(m)) = (binding, peel(&init.expr)) {
                if p.mutability.is_some() && syntax::macro_name(&m.mac) == "vec" {
                    self.handled.insert(self.file.range(m.mac.delimiter.span().join()).start);
                }
            }
            let (name, ty) = match &local.pat {
                syn::Pat::Type(pt) => (pat_ident(&pt.pat), Some(&*pt.ty)),
                other => (pat_ident(other), None),
            };
            self.typed_table(name, ty, &init.expr);
        }
        syn::visit::visit_local(self, local);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let name = syntax::macro_name(mac);
        if name == "thread_local" {
            if let Ok(file) = mac.parse_body_with(syn::File::parse_items) {
                for item in &file {
                    self.visit_item(item);
                }
            }
            return;
        }
        if name == "vec" {
            // `vec![x; n]` repeats one element; only a list is a table.
            if let Ok(list) =
                mac.parse_body_with(syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
            {
                let brackets = mac.delimiter.span().join();
                if self.enabled.md002 && self.handled.insert(self.file.range(brackets).start) {
                    let head = mac.path.span().join(mac.delimiter.span().open()).unwrap_or(brackets);
                    let site = sentinel::Site { close: mac.delimiter.span().close(), length: sentinel::Length::Free };
                    tables::check_array(self, list.iter().collect(), None, None, head, site);
                }
                for e in &list {
                    self.visit_expr(e);
                }
            }
            return;
        }
        if let Some(exprs) = syntax::macro_exprs(mac) {
            if self.enabled.md001 && exprs.len() > 2 {
                methods::check_call_entry(self, exprs.iter(), &format!("{name}!"));
            }
            for e in &exprs {
                self.visit_expr(e);
            }
        }
    }
}

/// `Parse` helper for the items of a `thread_local!` body.
trait ParseItems {
    fn parse_items(input: syn::parse::ParseStream<'_>) -> syn::Result<Vec<syn::Item>>;
}

impl ParseItems for syn::File {
    fn parse_items(input: syn::parse::ParseStream<'_>) -> syn::Result<Vec<syn::Item>> {
        let mut items = Vec::new();
        while !input.is_empty() {
            items.push(input.parse()?);
        }
        Ok(items)
    }
}

/// The identifier a simple pattern binds (`x`, `mut x`, `x: T`).
fn pat_ident(pat: &syn::Pat) -> Option<&syn::Ident> {
    match pat {
        syn::Pat::Ident(p) => Some(&p.ident),
        syn::Pat::Type(p) => pat_ident(&p.pat),
        _ => None,
    }
}

/// An expression without the wrappers that do not change its value:
/// parentheses, groups, `unsafe { e }` and `{ e }` blocks of one expression.
fn peel(expr: &syn::Expr) -> &syn::Expr {
    match expr {
        syn::Expr::Paren(p) => peel(&p.expr),
        syn::Expr::Group(g) => peel(&g.expr),
        syn::Expr::Unsafe(u) => single_expr(&u.block).map_or(expr, peel),
        syn::Expr::Block(b) if b.label.is_none() => single_expr(&b.block).map_or(expr, peel),
        _ => expr,
    }
}

fn single_expr(block: &syn::Block) -> Option<&syn::Expr> {
    match block.stmts.as_slice() {
        [syn::Stmt::Expr(e, None)] => Some(e),
        _ => None,
    }
}

/// A path of one segment (`FLAGS`, `kwlist`), as a name.
fn single_name(expr: &syn::Expr) -> Option<String> {
    match peel(expr) {
        syn::Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
            Some(p.path.segments[0].ident.to_string())
        }
        _ => None,
    }
}
