//! The error indicator: error sentinels returned with no exception set
//! (EI001), failure results thrown away (EI002), ambiguous -1 results read
//! without `PyErr_Occurred()` (EI003).

mod cannot_fail;
mod indicator;

use syn::spanned::Spanned;

use crate::capi::{ApiFunction, Failure, Returns};
use crate::context::CrateContext;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::index::FnItem;
use crate::registry::Rule;
use crate::source::SourceFile;
use crate::syntax;
use crate::walk::{self, Node};

use cannot_fail::CannotFail;

pub const RULES: &[Rule] = &[
    declare_rule!(
        "EI001",
        "null-without-exception",
        ErrorIndicator,
        Error,
        "A callback returns its error sentinel (NULL or -1) on a path where no exception was set"
    ),
    declare_rule!(
        "EI002",
        "ignored-failure",
        ErrorIndicator,
        Warning,
        "The result of a C-API call that reports failure through it is discarded"
    ),
    declare_rule!(
        "EI003",
        "ambiguous-sentinel",
        ErrorIndicator,
        Warning,
        "An API result whose error value is also a valid value is used without consulting `PyErr_Occurred()`"
    ),
];

/// Calls that read the error indicator, telling a real -1 from a failure.
const INDICATOR_READERS: &[&str] = &[
    "PyErr_Occurred",
    "PyErr_ExceptionMatches",
    "PyErr_Fetch",
    "PyErr_GetRaisedException",
    "PyErr_GetHandledException",
];

pub fn check(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    if cx.enabled("EI001") {
        indicator::check(cx, out);
    }
    let (ei002, ei003) = (cx.enabled("EI002"), cx.enabled("EI003"));
    if !ei002 && !ei003 {
        return;
    }
    let readers = IndicatorReaders::new(cx);
    for f in cx.index.fns.iter().filter(|f| !f.in_test) {
        let file = &cx.files[f.file];
        let discarded = discarded_calls(f.block);
        if ei002 {
            let mut facts = None;
            for call in &discarded {
                let name = syntax::call_name(call).unwrap_or_default();
                if name.ends_with("_SetItem") {
                    let facts = facts.get_or_insert_with(|| CannotFail::collect(f.block));
                    if facts.set_item_in_range(&name, call) {
                        continue;
                    }
                }
                ignored_failure(cx, file, call, out);
            }
        }
        if ei003 {
            ambiguous(cx, &readers, file, f, &discarded, out);
        }
    }
}

/// The API entry of a call whose failure is reported only through its result.
fn failure_api<'c>(cx: &'c CrateContext<'_>, call: &syn::ExprCall) -> Option<&'c ApiFunction> {
    let api = cx.api().get(&syntax::call_name(call)?)?;
    // New references dropped on the floor are RC002's; setters like `PyErr_Format` always "fail".
    // A NULL that may mean "no result" (`PyDict_GetItemWithError`) is not a failure report on its own.
    let reports =
        !matches!(api.failure, Failure::Never | Failure::NullOrAbsent) && !api.sets_exception && api.refop.is_none();
    // A discarded steal-on-success call (`PyModule_AddObject`) is one mistake,
    // reported once: RC005 says the value leaks on failure and names the fix.
    let steals_on_success = api.steals.iter().any(|(_, steal)| *steal == crate::capi::Steal::OnSuccess);
    (reports && api.returns != Returns::New && !steals_on_success).then_some(api)
}

/// EI002 for one discarded call.
fn ignored_failure(cx: &CrateContext<'_>, file: &SourceFile, call: &syn::ExprCall, out: &mut Vec<Diagnostic>) {
    let Some(api) = failure_api(cx, call) else { return };
    let name = &api.name;
    let (label, help) = match api.failure {
        Failure::Null => (
            "returns NULL with an exception set when it fails".to_string(),
            format!("check the result for NULL and propagate the exception: `if {name}(..).is_null() {{ return ptr::null_mut(); }}`"),
        ),
        Failure::MinusOne => (
            "returns -1 with an exception set when it fails".to_string(),
            format!("check the result and propagate the exception: `if {name}(..) < 0 {{ /* clean up */ return ptr::null_mut(); }}`"),
        ),
        Failure::Zero => (
            "returns 0 with an exception set when it fails".to_string(),
            format!("check the result: `if {name}(..) == 0 {{ return ptr::null_mut(); }}`"),
        ),
        Failure::Ambiguous => (
            "returns -1 with an exception set when it fails".to_string(),
            "use the result, and after a -1 check `PyErr_Occurred()` to propagate a failure".to_string(),
        ),
        Failure::NullOrAbsent | Failure::Never => return,
    };
    out.push(
        Diagnostic::new("EI002", file.path(), file.range(call.span()), format!("the result of `{name}` is ignored"))
            .with_primary_label(label)
            .with_help(help),
    );
}

/// Calls whose value is thrown away: expression statements and `let _ = ..`,
/// looking through blocks, `unsafe`, `if`/`match` arms and one-expression wrapper macros.
fn discarded_calls(block: &syn::Block) -> Vec<syn::ExprCall> {
    let mut found = Vec::new();
    walk::walk_block(block, &mut |node| {
        let Node::Stmt(stmt) = node else { return };
        match stmt {
            syn::Stmt::Expr(e, Some(_)) => value_discarded(e, &mut found),
            syn::Stmt::Local(local) if is_wild(&local.pat) => {
                if let Some(init) = &local.init {
                    value_discarded(&init.expr, &mut found);
                }
            }
            syn::Stmt::Macro(m) if m.semi_token.is_some() => wrapper_macro_discarded(&m.mac, &mut found),
            _ => {}
        }
    });
    found
}

fn is_wild(pat: &syn::Pat) -> bool {
    match pat {
        syn::Pat::Wild(_) => true,
        syn::Pat::Type(t) => is_wild(&t.pat),
        _ => false,
    }
}

/// Record the calls whose value becomes the (discarded) value of `expr`.
fn value_discarded(expr: &syn::Expr, found: &mut Vec<syn::ExprCall>) {
    match expr {
        syn::Expr::Call(call) => found.push(call.clone()),
        syn::Expr::Paren(p) => value_discarded(&p.expr, found),
        syn::Expr::Group(g) => value_discarded(&g.expr, found),
        syn::Expr::Unsafe(u) => block_value_discarded(&u.block, found),
        syn::Expr::Block(b) => block_value_discarded(&b.block, found),
        syn::Expr::If(i) => {
            block_value_discarded(&i.then_branch, found);
            if let Some((_, e)) = &i.else_branch {
                value_discarded(e, found);
            }
        }
        syn::Expr::Match(m) => m.arms.iter().for_each(|a| value_discarded(&a.body, found)),
        syn::Expr::Macro(m) => wrapper_macro_discarded(&m.mac, found),
        _ => {}
    }
}

fn block_value_discarded(block: &syn::Block, found: &mut Vec<syn::ExprCall>) {
    if let Some(syn::Stmt::Expr(e, None)) = block.stmts.last() {
        value_discarded(e, found);
    }
}

/// `ffi!(PyList_Append(l, v));`: a user wrapper around one expression yields that expression.
fn wrapper_macro_discarded(mac: &syn::Macro, found: &mut Vec<syn::ExprCall>) {
    const STD: &[&str] = &[
        "dbg",
        "assert",
        "assert_eq",
        "assert_ne",
        "debug_assert",
        "debug_assert_eq",
        "debug_assert_ne",
        "println",
        "print",
        "eprintln",
        "eprint",
        "format",
        "write",
        "writeln",
        "panic",
        "vec",
        "matches",
        "format_args",
        "unreachable",
        "todo",
        "unimplemented",
    ];
    if STD.contains(&syntax::macro_name(mac).as_str()) {
        return;
    }
    if let Some(exprs) = syntax::macro_exprs(mac) {
        if let [only] = exprs.as_slice() {
            value_discarded(only, found);
        }
    }
}

/// Crate functions that read the error indicator, directly or through other crate functions.
struct IndicatorReaders {
    names: std::collections::HashSet<String>,
}

impl IndicatorReaders {
    fn new(cx: &CrateContext<'_>) -> Self {
        let mut names: std::collections::HashSet<String> = INDICATOR_READERS.iter().map(|s| s.to_string()).collect();
        // Propagate over the crate's call graph until nothing changes.
        loop {
            let before = names.len();
            for f in &cx.index.fns {
                if !names.contains(&f.name) && calls_any(f.block, &names) {
                    names.insert(f.name.clone());
                }
            }
            if names.len() == before {
                break;
            }
        }
        IndicatorReaders { names }
    }

    /// Whether `block` consults the error indicator (pyo3's `PyErr::occurred`/`take`/`fetch` included).
    fn consulted_in(&self, block: &syn::Block) -> bool {
        let mut found = calls_any(block, &self.names);
        walk::walk_block(block, &mut |node| {
            if let Node::Expr(syn::Expr::Call(call)) = node {
                if let syn::Expr::Path(p) = &*call.func {
                    let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
                    found |= segs.len() >= 2
                        && segs[segs.len() - 2] == "PyErr"
                        && matches!(segs[segs.len() - 1].as_str(), "occurred" | "take" | "fetch");
                }
            }
        });
        found
    }
}

fn calls_any(block: &syn::Block, names: &std::collections::HashSet<String>) -> bool {
    let mut found = false;
    walk::each_call(block, &mut |name, _| found |= names.contains(name));
    found
}

/// EI003 over one function.
fn ambiguous(
    cx: &CrateContext<'_>,
    readers: &IndicatorReaders,
    file: &SourceFile,
    f: &FnItem<'_>,
    discarded: &[syn::ExprCall],
    out: &mut Vec<Diagnostic>,
) {
    let mut calls = Vec::new();
    walk::each_call(f.block, &mut |name, call| {
        if cx.api().get(name).is_some_and(|api| api.failure == Failure::Ambiguous) {
            calls.push((name.to_string(), call.clone()));
        }
    });
    if calls.is_empty() || readers.consulted_in(f.block) {
        return;
    }
    let discarded: Vec<_> = discarded.iter().map(|c| file.range(c.span())).collect();
    let returned = returned_ranges(file, f.block);
    let compared = compares_with_minus_one(f.block);
    let type_checked = type_checked_args(f.block);
    for (name, call) in calls {
        let range = file.range(call.span());
        let checked = check_that_rules_out_failure(&name)
            .zip(call.args.first())
            .is_some_and(|(check, arg)| type_checked.contains(&(check.to_string(), syntax::expr_text(arg))));
        if checked {
            continue;
        }
        // A result handed back unchanged leaves the check to the caller, unless this function judges -1 itself.
        if discarded.contains(&range) || (!compared && returned.contains(&range)) {
            continue;
        }
        let minus_one = if name.contains("Double") { "-1.0" } else { "-1" };
        let message = if compared {
            format!("`{name}` is compared with -1 but `PyErr_Occurred()` is never checked")
        } else {
            format!("the result of `{name}` is used without an error check")
        };
        out.push(
            Diagnostic::new("EI003", file.path(), range, message)
                .with_primary_label(format!("{minus_one} is both a valid result and the error value"))
                .with_help(format!(
                    "after a {minus_one} from `{name}`, call `PyErr_Occurred()` to tell a failure from a real \
                     {minus_one}: `if v == {minus_one} && !PyErr_Occurred().is_null() {{ return ptr::null_mut(); }}`"
                )),
        );
    }
}

/// For ambiguous APIs that cannot fail once their argument passed an exact type
/// check (overflow goes to the out-parameter; a float is read directly): that check.
fn check_that_rules_out_failure(name: &str) -> Option<&'static str> {
    match name {
        "PyLong_AsLongAndOverflow" | "PyLong_AsLongLongAndOverflow" => Some("PyLong_Check"),
        "PyFloat_AsDouble" => Some("PyFloat_Check"),
        _ => None,
    }
}

/// (check, argument text) for every `PyLong_Check(x)`-style call (`_CheckExact` too) of the function.
fn type_checked_args(block: &syn::Block) -> std::collections::HashSet<(String, String)> {
    let mut found = std::collections::HashSet::new();
    walk::each_call(block, &mut |name, call| {
        if let (Some(check), Some(arg)) =
            (["PyLong_Check", "PyFloat_Check"].iter().find(|c| name.starts_with(**c)), call.args.first())
        {
            found.insert((check.to_string(), syntax::expr_text(arg)));
        }
    });
    found
}

/// Ranges of expressions whose value leaves the function or a closure as is
/// (tail expressions, `return e`): the caller checks them.
fn returned_ranges(file: &SourceFile, block: &syn::Block) -> Vec<std::ops::Range<usize>> {
    let mut values = Vec::new();
    if let Some(syn::Stmt::Expr(e, None)) = block.stmts.last() {
        returned_values(e, &mut values);
    }
    walk::walk_block(block, &mut |node| match node {
        Node::Expr(syn::Expr::Return(r)) => {
            if let Some(e) = &r.expr {
                returned_values(e, &mut values);
            }
        }
        Node::Expr(syn::Expr::Closure(c)) => returned_values(&c.body, &mut values),
        _ => {}
    });
    let returned_names: Vec<String> = values
        .iter()
        .filter_map(|e| match e {
            syn::Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
            _ => None,
        })
        .collect();
    let mut ranges: Vec<_> = values.iter().map(|e| file.range(e.span())).collect();
    // `let v = PyLong_AsLong(o); v`: the binding is returned as is.
    walk::walk_block(block, &mut |node| {
        if let Node::Stmt(syn::Stmt::Local(local)) = node {
            if let (syn::Pat::Ident(id), Some(init)) = (&local.pat, &local.init) {
                if returned_names.contains(&id.ident.to_string()) {
                    ranges.push(file.range(init.expr.span()));
                }
            }
        }
    });
    ranges
}

/// The expressions whose value `e` evaluates to unchanged: through parens,
/// casts, block tails and the arms of `if`/`match`.
fn returned_values(e: &syn::Expr, out: &mut Vec<syn::Expr>) {
    let tail = |block: &syn::Block, out: &mut Vec<syn::Expr>| {
        if let Some(syn::Stmt::Expr(e, None)) = block.stmts.last() {
            returned_values(e, out);
        }
    };
    match e {
        syn::Expr::Paren(p) => returned_values(&p.expr, out),
        syn::Expr::Group(g) => returned_values(&g.expr, out),
        // A cast to a signed type keeps -1; `as usize` does not.
        syn::Expr::Cast(c) if !is_unsigned(&c.ty) => returned_values(&c.expr, out),
        syn::Expr::Unsafe(u) => tail(&u.block, out),
        syn::Expr::Block(b) => tail(&b.block, out),
        syn::Expr::If(i) => {
            tail(&i.then_branch, out);
            if let Some((_, e)) = &i.else_branch {
                returned_values(e, out);
            }
        }
        syn::Expr::Match(m) => m.arms.iter().for_each(|a| returned_values(&a.body, out)),
        other => out.push(other.clone()),
    }
}

fn is_unsigned(ty: &syn::Type) -> bool {
    let syn::Type::Path(p) = ty else { return false };
    syntax::last_segment(&p.path).is_some_and(|n| n.starts_with('u') || n.starts_with("c_u") || n == "size_t")
}

/// Whether the function compares anything with `-1` / `-1.0`.
fn compares_with_minus_one(block: &syn::Block) -> bool {
    let mut found = false;
    walk::walk_block(block, &mut |node| {
        if let Node::Expr(syn::Expr::Binary(b)) = node {
            let cmp = matches!(
                b.op,
                syn::BinOp::Eq(_)
                    | syn::BinOp::Ne(_)
                    | syn::BinOp::Lt(_)
                    | syn::BinOp::Le(_)
                    | syn::BinOp::Gt(_)
                    | syn::BinOp::Ge(_)
            );
            found |= cmp && (is_minus_one(&b.left) || is_minus_one(&b.right));
        }
        // `match v { -1 => .., _ => .. }`
        if let Node::Expr(syn::Expr::Match(m)) = node {
            found |= m.arms.iter().any(|a| {
                crate::flow::cond::int_pattern_holds(&a.pat, -1) == Some(true)
                    && !matches!(a.pat, syn::Pat::Wild(_) | syn::Pat::Ident(_))
            });
        }
    });
    found
}

fn is_minus_one(e: &syn::Expr) -> bool {
    matches!(syntax::expr_text(e).as_str(), "-1" | "-1.0" | "- 1" | "- 1.0" | "-1 as _")
        || matches!(e, syn::Expr::Cast(c) if is_minus_one(&c.expr))
        || matches!(e, syn::Expr::Paren(p) if is_minus_one(&p.expr))
}
