//! GIL and thread state: C-API calls while detached (GT001), unbalanced
//! thread-state and critical-section pairs (GT002), borrowed references in
//! free-threaded modules (GT003), object pointers crossing threads (GT004),
//! blocking Rust locks held across C-API calls (GT005).

mod detached;
mod locks;
mod threads;

use std::ops::Range;

use syn::spanned::Spanned;

use crate::context::CrateContext;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::registry::Rule;
use crate::source::SourceFile;
use crate::walk::{self, Node};

pub const RULES: &[Rule] = &[
    declare_rule!(
        "GT001",
        "api-while-detached",
        Gil,
        Error,
        "A C-API call runs while the thread state is detached (between `PyEval_SaveThread` and `PyEval_RestoreThread`, or in an allow-threads closure)"
    ),
    declare_rule!(
        "GT002",
        "unbalanced-thread-state",
        Gil,
        Error,
        "A thread-state or critical-section acquisition is not released on some path"
    ),
    declare_rule!(
        "GT003",
        "borrowed-ref-free-threading",
        Gil,
        Warning,
        "A free-threaded module uses a borrowed-reference API that has a strong-reference replacement, or `PyDict_Next` outside a critical section"
    ),
    declare_rule!(
        "GT004",
        "pyobject-crosses-thread",
        Gil,
        Error,
        "A raw Python object pointer is moved to another thread, or a type holding one is marked `Send`/`Sync`"
    ),
    declare_rule!(
        "GT005",
        "lock-across-python",
        Gil,
        Warning,
        "A blocking Rust lock is held, with the thread state attached, across a C-API call that can run Python code or detach"
    ),
];

pub fn check(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    if cx.enabled("GT001") || cx.enabled("GT002") {
        detached::check(cx, out);
    }
    if cx.enabled("GT003") && cx.index.gil_not_used {
        check_free_threading(cx, out);
    }
    if cx.enabled("GT004") {
        threads::check(cx, out);
    }
    if cx.enabled("GT005") {
        locks::check(cx, out);
    }
}

/// GT003 over every non-test function of a crate that declares `Py_MOD_GIL_NOT_USED`.
fn check_free_threading(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    let declaration = gil_not_used_declaration(cx.files);
    for f in cx.index.fns.iter().filter(|f| !f.in_test) {
        let file = &cx.files[f.file];
        let sections = CriticalSections::collect(file, f.block);
        walk::each_call(f.block, &mut |name, call| {
            let range = file.range(call.span());
            let diagnostic = if name == "PyDict_Next" {
                if sections.covers(range.start) {
                    return;
                }
                Diagnostic::new("GT003", file.path(), range, "`PyDict_Next` iterates a dict outside a critical section")
                    .with_primary_label("another thread may resize the dict or release its items during the loop")
                    .with_help(
                        "wrap the loop in `PyCriticalSection_Begin(&mut cs, dict)` .. `PyCriticalSection_End(&mut cs)` \
                         (C's `Py_BEGIN_CRITICAL_SECTION`), or iterate over `PyDict_Items(dict)`",
                    )
            } else {
                let Some(replacement) = cx.api().get(name).and_then(|api| api.strong_replacement) else {
                    return;
                };
                Diagnostic::new(
                    "GT003",
                    file.path(),
                    range,
                    format!("`{name}` returns a borrowed reference in a free-threaded module"),
                )
                .with_primary_label("another thread may release the object while it is borrowed")
                .with_help(format!(
                    "use `{replacement}`, which returns a strong reference, and release it with `Py_DECREF` when done"
                ))
            };
            let diagnostic = match &declaration {
                Some((path, decl)) => {
                    diagnostic.with_label(path, decl.clone(), "the module declares free-threading support here")
                }
                None => diagnostic,
            };
            out.push(diagnostic);
        });
    }
}

/// Where the crate declares `Py_MOD_GIL_NOT_USED` (outside comments).
fn gil_not_used_declaration(files: &[SourceFile]) -> Option<(std::sync::Arc<std::path::Path>, Range<usize>)> {
    const WORD: &str = "Py_MOD_GIL_NOT_USED";
    files.iter().find_map(|file| {
        let at = file
            .text()
            .match_indices(WORD)
            .map(|(at, _)| at)
            .find(|at| !file.comments.iter().any(|c| c.range.contains(at)))?;
        Some((std::sync::Arc::clone(file.path()), at..at + WORD.len()))
    })
}

/// The critical sections of one function body: `PyCriticalSection_Begin`/`_End`
/// call pairs (counted lexically), and the bodies of macros or closure-taking
/// helpers named like a critical section (`critical_section!(d, { .. })`,
/// `with_critical_section(d, || ..)`).
struct CriticalSections {
    begins: Vec<usize>,
    ends: Vec<usize>,
    regions: Vec<Range<usize>>,
}

impl CriticalSections {
    fn collect(file: &SourceFile, block: &syn::Block) -> Self {
        let mut s = CriticalSections { begins: Vec::new(), ends: Vec::new(), regions: Vec::new() };
        walk::walk_block(block, &mut |node| {
            let (name, range, closures): (String, Range<usize>, Vec<&syn::Expr>) = match node {
                Node::Expr(syn::Expr::Call(call)) => match crate::syntax::call_name(call) {
                    Some(name) => (name, file.range(call.span()), call.args.iter().collect()),
                    None => return,
                },
                Node::Expr(syn::Expr::MethodCall(call)) => {
                    (call.method.to_string(), file.range(call.span()), call.args.iter().collect())
                }
                Node::Expr(syn::Expr::Macro(mac)) => {
                    (crate::syntax::macro_name(&mac.mac), file.range(mac.span()), vec![])
                }
                Node::Stmt(syn::Stmt::Macro(mac)) => {
                    (crate::syntax::macro_name(&mac.mac), file.range(mac.span()), vec![])
                }
                _ => return,
            };
            let upper = name.to_ascii_uppercase();
            if is_section_begin(&upper) {
                s.begins.push(range.start);
            } else if is_section_end(&upper) {
                s.ends.push(range.start);
            } else if upper.contains("CRITICAL_SECTION") {
                let closures: Vec<_> = closures.into_iter().filter(|a| matches!(a, syn::Expr::Closure(_))).collect();
                if closures.is_empty() {
                    s.regions.push(range);
                } else {
                    s.regions.extend(closures.into_iter().map(|c| file.range(c.span())));
                }
            }
        });
        s
    }

    /// Whether `offset` lies inside a critical section.
    fn covers(&self, offset: usize) -> bool {
        let opened = self.begins.iter().filter(|&&b| b < offset).count();
        let closed = self.ends.iter().filter(|&&e| e < offset).count();
        opened > closed || self.regions.iter().any(|r| r.contains(&offset))
    }
}

/// `PyCriticalSection_Begin`, `PyCriticalSection2_Begin`, `Py_BEGIN_CRITICAL_SECTION2`... (upper-cased).
fn is_section_begin(upper: &str) -> bool {
    (upper.starts_with("PYCRITICALSECTION") && upper.contains("_BEGIN")) || upper.contains("BEGIN_CRITICAL_SECTION")
}

fn is_section_end(upper: &str) -> bool {
    (upper.starts_with("PYCRITICALSECTION") && upper.contains("_END")) || upper.contains("END_CRITICAL_SECTION")
}
