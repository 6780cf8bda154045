//! A function body made ready for lowering: macro invocations replaced by
//! the Rust they stand for, as far as the checker can tell.
//!
//! - `macro_rules!` macros of the crate with simple rules (`$x:expr`-style
//!   fragments, no repetitions) are expanded for real; the tokens that come
//!   from the macro's body are re-spanned to the invocation, so diagnostics
//!   never point into the definition.
//! - Formatting and logging macros (`format!`, `println!`, `write!`, ...)
//!   evaluate their arguments and yield no value the rules look at.
//! - `assert!(c)` becomes `if c {} else { panic!() }`, so the engine refines on `c`.
//! - A crate macro this expander cannot follow (repetitions, no fitting
//!   rule) stays opaque: the engine never guesses what it does.
//! - Any other macro whose body parses as expressions is a wrapper
//!   (`ffi!(Py_DECREF(x))`): its expressions are evaluated in order and the
//!   last one is its value. An argument that can leave the function
//!   (`return`, `?`, `break`, `continue`) runs only under an unknown
//!   condition ([`UNKNOWN_COND`]), because the macro may not always run it.
//! - Diverging macros (`panic!`, `unreachable!`, `todo!`, `unimplemented!`)
//!   and unreadable ones stay macros; the CFG makes the first a dead end and
//!   the second an opaque node.

use std::borrow::Cow;
use std::collections::HashMap;

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use syn::visit::Visit;
use syn::visit_mut::VisitMut;

use crate::source::SourceFile;
use crate::syntax;

/// The name of the condition wrapped around macro arguments that may or may not run.
pub const UNKNOWN_COND: &str = "__cpython_rs_unknown_condition";

/// Macros that never return.
pub const DIVERGING_MACROS: &[&str] = &["panic", "unreachable", "todo", "unimplemented"];

/// Macros that evaluate their arguments for a side effect and yield nothing the rules track.
const VALUELESS_MACROS: &[&str] = &[
    "format",
    "format_args",
    "print",
    "println",
    "eprint",
    "eprintln",
    "write",
    "writeln",
    "dbg",
    "trace",
    "debug",
    "info",
    "warn",
    "error",
    "log",
    "vec",
];

/// A function or closure body ready for [`Cfg`](super::Cfg) lowering.
pub struct Body<'a> {
    block: Cow<'a, syn::Block>,
}

impl<'a> Body<'a> {
    /// Expand the macros of `block` (a copy is made only when it holds one).
    pub fn new(block: &'a syn::Block, macros: &Macros) -> Self {
        if !holds_macro(block) {
            return Body { block: Cow::Borrowed(block) };
        }
        let mut owned = block.clone();
        Expander { macros, depth: 0 }.visit_block_mut(&mut owned);
        Body { block: Cow::Owned(owned) }
    }

    pub fn block(&self) -> &syn::Block {
        &self.block
    }
}

fn holds_macro(block: &syn::Block) -> bool {
    struct Finder(bool);
    impl<'ast> Visit<'ast> for Finder {
        fn visit_macro(&mut self, _: &'ast syn::Macro) {
            self.0 = true;
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut f = Finder(false);
    f.visit_block(block);
    f.0
}

/// The crate's `macro_rules!` definitions that the checker can expand.
#[derive(Default)]
pub struct Macros {
    by_name: HashMap<String, Vec<MacroRule>>,
    /// Defined in the crate with rules this expander cannot follow: opaque, never guessed at.
    unreadable: std::collections::HashSet<String>,
}

struct MacroRule {
    matcher: Vec<MatchPiece>,
    body: TokenStream,
}

#[derive(Debug)]
enum MatchPiece {
    /// `$name:kind`.
    Var { name: String, kind: String },
    /// A literal token that must appear as written (compared as text).
    Token(String),
}

impl Macros {
    /// Collect the `macro_rules!` items of every file of a crate.
    pub fn collect(files: &[SourceFile]) -> Self {
        let mut macros = Macros::default();
        for file in files {
            let mut finder = MacroRulesFinder { found: &mut macros };
            finder.visit_file(&file.ast);
        }
        macros
    }

    /// Expand `mac` with the first rule whose matcher fits, re-spanned to `mac`.
    fn expand(&self, mac: &syn::Macro) -> Option<syn::Expr> {
        let rules = self.by_name.get(&syntax::macro_name(mac))?;
        let span = mac.path.segments.last().map_or_else(Span::call_site, |s| s.ident.span());
        for rule in rules {
            if let Some(bindings) = match_rule(&rule.matcher, mac.tokens.clone()) {
                let tokens = transcribe(rule.body.clone(), &bindings, span)?;
                let wrapped = TokenStream::from(TokenTree::Group(Group::new(Delimiter::Brace, tokens)));
                return syn::parse2::<syn::ExprBlock>(wrapped).ok().map(syn::Expr::Block);
            }
        }
        None
    }
}

pub(super) struct MacroRulesFinder<'m> {
    pub(super) found: &'m mut Macros,
}

impl<'ast> Visit<'ast> for MacroRulesFinder<'_> {
    fn visit_item_macro(&mut self, item: &'ast syn::ItemMacro) {
        if item.mac.path.is_ident("macro_rules") {
            if let Some(name) = &item.ident {
                let name = name.to_string();
                // Two definitions of one name (`#[cfg(Py_3_13)]` and `#[cfg(not(..))]`
                // variants): which one is compiled is unknown, so neither is followed.
                if self.found.by_name.contains_key(&name) || self.found.unreadable.contains(&name) {
                    self.found.by_name.remove(&name);
                    self.found.unreadable.insert(name);
                    return;
                }
                match parse_rules(item.mac.tokens.clone()) {
                    Some(rules) => {
                        self.found.by_name.insert(name, rules);
                    }
                    None => {
                        self.found.unreadable.insert(name);
                    }
                }
            }
        }
    }
}

/// `(matcher) => { body };` repeated. `None` when a rule uses repetitions or
/// anything this simple expander does not handle.
fn parse_rules(tokens: TokenStream) -> Option<Vec<MacroRule>> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut rules = Vec::new();
    let mut i = 0;
    while i < trees.len() {
        let TokenTree::Group(matcher) = &trees[i] else { return None };
        let arrow = matches!((trees.get(i + 1), trees.get(i + 2)),
            (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b))) if a.as_char() == '=' && b.as_char() == '>');
        let Some(TokenTree::Group(body)) = trees.get(i + 3) else { return None };
        if !arrow {
            return None;
        }
        rules.push(MacroRule { matcher: parse_matcher(matcher.stream())?, body: body.stream() });
        i += 4;
        if matches!(trees.get(i), Some(TokenTree::Punct(p)) if p.as_char() == ';') {
            i += 1;
        }
    }
    Some(rules)
}

fn parse_matcher(tokens: TokenStream) -> Option<Vec<MatchPiece>> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Punct(p) if p.as_char() == '$' => {
                let Some(TokenTree::Ident(name)) = trees.get(i + 1) else { return None };
                let colon = matches!(trees.get(i + 2), Some(TokenTree::Punct(c)) if c.as_char() == ':');
                let Some(TokenTree::Ident(kind)) = trees.get(i + 3) else { return None };
                if !colon {
                    return None;
                }
                pieces.push(MatchPiece::Var { name: name.to_string(), kind: kind.to_string() });
                i += 4;
            }
            TokenTree::Group(_) => return None,
            other => {
                pieces.push(MatchPiece::Token(other.to_string()));
                i += 1;
            }
        }
    }
    Some(pieces)
}

/// Bind the invocation's tokens to the matcher's variables. Expression-like
/// fragments take everything up to the next literal token of the matcher.
fn match_rule(matcher: &[MatchPiece], tokens: TokenStream) -> Option<HashMap<String, TokenStream>> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut bindings = HashMap::new();
    let mut at = 0;
    for (k, piece) in matcher.iter().enumerate() {
        match piece {
            MatchPiece::Token(text) => {
                if trees.get(at)?.to_string() != *text {
                    return None;
                }
                at += 1;
            }
            MatchPiece::Var { name, kind } => {
                let single = matches!(kind.as_str(), "ident" | "tt" | "literal" | "lifetime");
                let end = if single {
                    at + 1
                } else {
                    match matcher.get(k + 1) {
                        Some(MatchPiece::Token(next)) => {
                            at + trees[at..].iter().position(|t| t.to_string() == *next)?
                        }
                        Some(MatchPiece::Var { .. }) => return None,
                        None => trees.len(),
                    }
                };
                if end <= at || end > trees.len() {
                    return None;
                }
                bindings.insert(name.clone(), trees[at..end].iter().cloned().collect());
                at = end;
            }
        }
    }
    // A trailing comma is accepted, as most matchers written by hand do.
    let rest = &trees[at..];
    let trailing_comma = rest.len() == 1 && rest[0].to_string() == ",";
    (rest.is_empty() || trailing_comma).then_some(bindings)
}

/// The span from the first to the last token of `tokens`.
fn tokens_span(tokens: &TokenStream) -> Option<Span> {
    let mut trees = tokens.clone().into_iter();
    let first = trees.next()?.span();
    let last = trees.last().map_or(first, |t| t.span());
    Some(first.join(last).unwrap_or(first))
}

/// Substitute `$name` in a rule body; everything else gets the invocation's span.
fn transcribe(body: TokenStream, bindings: &HashMap<String, TokenStream>, span: Span) -> Option<TokenStream> {
    let trees: Vec<TokenTree> = body.into_iter().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Punct(p) if p.as_char() == '$' => {
                let Some(TokenTree::Ident(name)) = trees.get(i + 1) else { return None };
                let value = bindings.get(&name.to_string())?;
                // Keep an expression argument one unit, as the compiler does, spanned
                // where the argument was written (a new group would point nowhere).
                let mut group = Group::new(Delimiter::None, value.clone());
                group.set_span(tokens_span(value).unwrap_or(span));
                out.push(TokenTree::Group(group));
                i += 2;
            }
            TokenTree::Group(g) => {
                let inner = transcribe(g.stream(), bindings, span)?;
                let mut group = Group::new(g.delimiter(), inner);
                group.set_span(span);
                out.push(TokenTree::Group(group));
                i += 1;
            }
            other => {
                let mut t = other.clone();
                t.set_span(span);
                out.push(t);
                i += 1;
            }
        }
    }
    Some(out.into_iter().collect())
}

/// Rewrites macro invocations in place (see the module docs).
struct Expander<'m> {
    macros: &'m Macros,
    /// Guards against macros that expand to themselves.
    depth: usize,
}

const MAX_EXPANSION_DEPTH: usize = 8;

impl VisitMut for Expander<'_> {
    fn visit_stmt_mut(&mut self, stmt: &mut syn::Stmt) {
        if let syn::Stmt::Macro(sm) = stmt {
            let expr = syn::Expr::Macro(syn::ExprMacro { attrs: sm.attrs.clone(), mac: sm.mac.clone() });
            *stmt = syn::Stmt::Expr(expr, sm.semi_token.or_else(|| Some(Default::default())));
        }
        syn::visit_mut::visit_stmt_mut(self, stmt);
    }

    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        if let syn::Expr::Macro(m) = expr {
            if let Some(replacement) = self.replacement(&m.mac) {
                *expr = replacement;
                if self.depth < MAX_EXPANSION_DEPTH {
                    self.depth += 1;
                    self.visit_expr_mut(expr);
                    self.depth -= 1;
                }
                return;
            }
        }
        syn::visit_mut::visit_expr_mut(self, expr);
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

impl Expander<'_> {
    fn replacement(&self, mac: &syn::Macro) -> Option<syn::Expr> {
        let name = syntax::macro_name(mac);
        if DIVERGING_MACROS.contains(&name.as_str()) {
            return None;
        }
        if let Some(expanded) = self.macros.expand(mac) {
            return Some(expanded);
        }
        if self.macros.by_name.contains_key(&name) || self.macros.unreadable.contains(&name) {
            // The crate's own macro, but no rule fits: what it does with its arguments is unknown.
            return None;
        }
        let exprs = syntax::macro_exprs(mac)?;
        match name.as_str() {
            "assert" | "debug_assert" => {
                let cond = exprs.into_iter().next()?;
                // Parenthesised: a struct literal is not a valid bare `if` condition.
                syn::parse2(quote::quote!(if (#cond) {} else { panic!() })).ok()
            }
            "assert_eq" | "debug_assert_eq" | "assert_ne" | "debug_assert_ne" => {
                let mut it = exprs.into_iter();
                let (a, b) = (it.next()?, it.next()?);
                let tokens = if name.ends_with("_eq") {
                    quote::quote!(if (#a) == (#b) {} else { panic!() })
                } else {
                    quote::quote!(if (#a) != (#b) {} else { panic!() })
                };
                syn::parse2(tokens).ok()
            }
            "addr_of" | "addr_of_mut" => {
                let place = exprs.into_iter().next()?;
                // Spanned at the macro name, so a finding on the result points into the source.
                let span = mac.path.segments.last().map_or_else(Span::call_site, |s| s.ident.span());
                let tokens = match place {
                    syn::Expr::Path(_) | syn::Expr::Field(_) | syn::Expr::Index(_) | syn::Expr::Paren(_) => {
                        quote::quote_spanned!(span=> &mut #place)
                    }
                    _ => quote::quote_spanned!(span=> &mut (#place)),
                };
                syn::parse2(tokens).ok()
            }
            _ if VALUELESS_MACROS.contains(&name.as_str()) => {
                let stmts = exprs.into_iter().map(|e| syn::Stmt::Expr(e, Some(Default::default())));
                Some(block_expr(stmts.collect()))
            }
            _ => Some(wrapper_expansion(exprs)),
        }
    }
}

/// A wrapper macro's expressions in order, the last one as its value.
fn wrapper_expansion(exprs: Vec<syn::Expr>) -> syn::Expr {
    let n = exprs.len();
    let unknown = syn::Ident::new(UNKNOWN_COND, Span::call_site());
    let stmts: Vec<syn::Stmt> = exprs
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let e =
                if super::cfg::can_leave(&e) { syn::parse2(quote::quote!(if #unknown { #e })).unwrap_or(e) } else { e };
            syn::Stmt::Expr(e, (i + 1 < n).then(Default::default))
        })
        .collect();
    if stmts.len() == 1 {
        if let syn::Stmt::Expr(e, None) = &stmts[0] {
            return e.clone();
        }
    }
    block_expr(stmts)
}

fn block_expr(stmts: Vec<syn::Stmt>) -> syn::Expr {
    syn::Expr::Block(syn::ExprBlock {
        attrs: Vec::new(),
        label: None,
        block: syn::Block { brace_token: Default::default(), stmts },
    })
}
