//! GT004: Python object pointers that cross to another thread, either
//! captured by a closure that runs elsewhere (`std::thread::spawn`, scoped
//! threads, rayon) or made `Send`/`Sync` by an `unsafe impl`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::context::CrateContext;
use crate::diagnostic::Diagnostic;
use crate::index::FnItem;
use crate::source::SourceFile;
use crate::syntax;
use crate::walk::{self, Node};

const HELP: &str = "keep Python objects on the thread that owns them: convert what the other thread needs into \
                    plain Rust data before spawning, and touch objects only with an attached thread state";

pub(super) fn check(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    let imports: Vec<HashMap<String, Vec<String>>> = cx.files.iter().map(|f| use_paths(&f.ast)).collect();
    let fields = pointer_fields(cx);
    for f in cx.index.fns.iter().filter(|f| !f.in_test) {
        let file = &cx.files[f.file];
        let bindings = Bindings::collect(cx, file, f, &fields);
        let mut reported = HashSet::new();
        let named = named_closures(f.block);
        walk::walk_block(f.block, &mut |node| {
            if let Node::Expr(expr) = node {
                for (closure, runner) in thread_closures(file, expr, &imports[f.file], &named) {
                    captures(file, &bindings, closure, &runner, &mut reported, out);
                }
                if let Some(root) = parallel_receiver(expr) {
                    receiver_capture(file, &bindings, root, &mut reported, out);
                }
            }
        });
    }
    send_impls(cx, out);
}

/// What a local variable holds, as far as GT004 cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Held {
    /// A raw object pointer.
    Pointer,
    /// An object pointer cast to an integer (`obj as usize`).
    Address,
    /// A collection or wrapper whose type mentions object pointers (`Vec<*mut PyObject>`).
    Container,
}

/// The function's bindings in source order: a name's kind at an offset is the
/// kind of its latest binding before that offset (shadowing included);
/// bindings of unknown kind shadow too, which keeps the check quiet.
struct Bindings<'f> {
    list: Vec<(String, usize, Option<Held>)>,
    /// Names of struct fields of the crate declared as object pointers (`callback: *mut PyObject`).
    pointer_fields: &'f HashSet<String>,
}

impl<'f> Bindings<'f> {
    fn collect(cx: &CrateContext<'_>, file: &SourceFile, f: &FnItem<'_>, fields: &'f HashSet<String>) -> Self {
        let mut b = Bindings { list: Vec::new(), pointer_fields: fields };
        let start = file.range(f.block.span()).start;
        for input in &f.sig.inputs {
            if let syn::FnArg::Typed(t) = input {
                let kind = type_kind(&t.ty);
                for name in pattern_names(&t.pat) {
                    b.list.push((name, start, kind));
                }
            }
        }
        walk::walk_block(f.block, &mut |node| match node {
            Node::Stmt(syn::Stmt::Local(local)) => {
                let at = file.range(local.span()).end;
                let before = file.range(local.span()).start;
                let init_kind = local.init.as_ref().and_then(|i| b.expr_kind(cx, &i.expr, before));
                let (pat, ty) = match &local.pat {
                    syn::Pat::Type(t) => (&*t.pat, Some(&*t.ty)),
                    other => (other, None),
                };
                let kind = match (ty.map(|t| (type_kind(t), is_integer(t))), init_kind) {
                    (Some((Some(kind), _)), _) => Some(kind),
                    (Some((None, true)), Some(Held::Address)) => Some(Held::Address),
                    (Some(_), _) => None,
                    (None, kind) => kind,
                };
                let simple = matches!(pat, syn::Pat::Ident(_));
                for name in pattern_names(pat) {
                    b.list.push((name, at, if simple { kind } else { None }));
                }
            }
            Node::Expr(syn::Expr::Closure(c)) => {
                // Closure parameters shadow only inside the closure; record them as unknown there.
                let at = file.range(c.span()).start;
                for p in &c.inputs {
                    for name in pattern_names(p) {
                        b.list.push((name, at, None));
                    }
                }
            }
            Node::Expr(syn::Expr::Let(l)) => {
                let at = file.range(l.span()).start;
                for name in pattern_names(&l.pat) {
                    b.list.push((name, at, None));
                }
            }
            Node::Expr(syn::Expr::ForLoop(l)) => {
                // `for obj in objs` over a collection of object pointers binds object pointers.
                let at = file.range(l.span()).start;
                let over_pointers =
                    collection_root(&l.expr).is_some_and(|root| b.kind_at(&root, at) == Some(Held::Container));
                let simple = matches!(&*l.pat, syn::Pat::Ident(_))
                    || matches!(&*l.pat, syn::Pat::Reference(r) if matches!(&*r.pat, syn::Pat::Ident(_)));
                let kind = (over_pointers && simple).then_some(Held::Pointer);
                for name in pattern_names(&l.pat) {
                    b.list.push((name, at, kind));
                }
            }
            Node::Expr(syn::Expr::Match(m)) => {
                for arm in &m.arms {
                    let at = file.range(arm.span()).start;
                    for name in pattern_names(&arm.pat) {
                        b.list.push((name, at, None));
                    }
                }
            }
            _ => {}
        });
        b.list.sort_by_key(|(_, at, _)| *at);
        b
    }

    /// The kind of `name` as seen at `offset`.
    fn kind_at(&self, name: &str, offset: usize) -> Option<Held> {
        self.list.iter().rev().find(|(n, at, _)| n == name && *at <= offset).and_then(|(_, _, k)| *k)
    }

    /// What an initialiser evaluates to.
    fn expr_kind(&self, cx: &CrateContext<'_>, expr: &syn::Expr, at: usize) -> Option<Held> {
        match expr {
            syn::Expr::Paren(p) => self.expr_kind(cx, &p.expr, at),
            syn::Expr::Group(g) => self.expr_kind(cx, &g.expr, at),
            syn::Expr::Unsafe(u) => self.block_kind(cx, &u.block, at),
            syn::Expr::Block(b) => self.block_kind(cx, &b.block, at),
            syn::Expr::Path(p) => p.path.get_ident().and_then(|id| self.kind_at(&id.to_string(), at)),
            syn::Expr::Field(f) => self.field_kind(f),
            // `objs[0]` out of a collection of object pointers is an object pointer, as `for obj in objs` is;
            // `objs[1..]` is still the collection.
            syn::Expr::Index(ix) => {
                let root = collection_root(&ix.expr)?;
                (self.kind_at(&root, at) == Some(Held::Container)).then_some(
                    if matches!(peel(&ix.index), syn::Expr::Range(_)) { Held::Container } else { Held::Pointer },
                )
            }
            syn::Expr::Cast(c) => {
                if syntax::is_object_ptr(&c.ty) {
                    Some(Held::Pointer)
                } else if is_integer(&c.ty) && self.expr_kind(cx, &c.expr, at) == Some(Held::Pointer) {
                    Some(Held::Address)
                } else {
                    None
                }
            }
            syn::Expr::Call(call) => {
                let name = syntax::call_name(call)?;
                let api_object = cx.api().get(&name).is_some_and(|api| api.returns_object());
                let crate_object = cx.index.fns_named(&name).any(|f| match &f.sig.output {
                    syn::ReturnType::Type(_, ty) => syntax::is_object_ptr(ty),
                    syn::ReturnType::Default => false,
                });
                if api_object || crate_object {
                    return Some(Held::Pointer);
                }
                // `SendPtr(obj)`: a tuple-struct (or variant) wrapping an object pointer.
                let constructor = name.starts_with(|c: char| c.is_ascii_uppercase()) && cx.api().get(&name).is_none();
                let wraps = call.args.iter().any(|a| self.expr_kind(cx, a, at) == Some(Held::Pointer));
                (constructor && wraps).then_some(Held::Container)
            }
            syn::Expr::Struct(lit) => {
                let wraps = lit.fields.iter().any(|f| self.expr_kind(cx, &f.expr, at) == Some(Held::Pointer));
                wraps.then_some(Held::Container)
            }
            syn::Expr::MethodCall(m) => {
                let inner = self.expr_kind(cx, &m.receiver, at)?;
                match (m.method.to_string().as_str(), inner) {
                    ("cast" | "cast_mut" | "cast_const" | "as_ptr", Held::Pointer) => Some(Held::Pointer),
                    ("addr" | "expose_provenance" | "expose_addr", Held::Pointer) => Some(Held::Address),
                    ("clone", kind) => Some(kind),
                    _ => None,
                }
            }
            syn::Expr::Array(a) => {
                a.elems.iter().any(|e| self.expr_kind(cx, e, at) == Some(Held::Pointer)).then_some(Held::Container)
            }
            syn::Expr::Tuple(t) => {
                t.elems.iter().any(|e| self.expr_kind(cx, e, at) == Some(Held::Pointer)).then_some(Held::Container)
            }
            syn::Expr::Macro(m) if syntax::macro_name(&m.mac) == "vec" => {
                let exprs = syntax::macro_exprs(&m.mac)?;
                exprs.iter().any(|e| self.expr_kind(cx, e, at) == Some(Held::Pointer)).then_some(Held::Container)
            }
            _ => None,
        }
    }

    /// `self.callback`, `(*state).obj`: a field declared as an object pointer.
    fn field_kind(&self, f: &syn::ExprField) -> Option<Held> {
        match &f.member {
            syn::Member::Named(id) if self.pointer_fields.contains(&id.to_string()) => Some(Held::Pointer),
            _ => None,
        }
    }

    fn block_kind(&self, cx: &CrateContext<'_>, block: &syn::Block, at: usize) -> Option<Held> {
        match block.stmts.last()? {
            syn::Stmt::Expr(e, None) if block.stmts.len() == 1 => self.expr_kind(cx, e, at),
            _ => None,
        }
    }
}

/// The variable a `for` loop iterates: `objs`, `objs.iter()`, `&objs`, `objs.iter().copied()`.
fn collection_root(e: &syn::Expr) -> Option<String> {
    match peel(e) {
        syn::Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
        syn::Expr::Reference(r) => collection_root(&r.expr),
        syn::Expr::MethodCall(m)
            if m.args.is_empty()
                && matches!(m.method.to_string().as_str(), "iter" | "into_iter" | "copied" | "cloned" | "drain") =>
        {
            collection_root(&m.receiver)
        }
        _ => None,
    }
}

/// Names of the crate's struct fields whose type is an object pointer.
fn pointer_fields(cx: &CrateContext<'_>) -> HashSet<String> {
    struct Fields(HashSet<String>);
    impl<'ast> Visit<'ast> for Fields {
        fn visit_field(&mut self, f: &'ast syn::Field) {
            if let (Some(id), true) = (&f.ident, syntax::is_object_ptr(&f.ty)) {
                self.0.insert(id.to_string());
            }
        }
    }
    let mut fields = Fields(HashSet::new());
    for file in cx.files {
        fields.visit_file(&file.ast);
    }
    fields.0
}

/// The kind a declared type gives a binding.
fn type_kind(ty: &syn::Type) -> Option<Held> {
    if syntax::is_object_ptr(ty) {
        return Some(Held::Pointer);
    }
    let mut finder = ObjectPointerFinder(false);
    finder.visit_type(ty);
    finder.0.then_some(Held::Container)
}

/// Finds an object pointer (`*mut PyObject`, `NonNull<PyObject>`) anywhere inside a type.
struct ObjectPointerFinder(bool);

impl<'ast> Visit<'ast> for ObjectPointerFinder {
    fn visit_type(&mut self, ty: &'ast syn::Type) {
        if syntax::is_object_ptr(ty) || is_non_null_object(ty) {
            self.0 = true;
        }
        syn::visit::visit_type(self, ty);
    }
}

/// `NonNull<PyObject>` and kin.
fn is_non_null_object(ty: &syn::Type) -> bool {
    let syn::Type::Path(p) = ty else { return false };
    let Some(last) = p.path.segments.last() else { return false };
    if last.ident != "NonNull" {
        return false;
    }
    match &last.arguments {
        syn::PathArguments::AngleBracketed(args) => args.args.iter().any(|a| match a {
            syn::GenericArgument::Type(t) => syntax::is_object_type(t),
            _ => false,
        }),
        _ => false,
    }
}

fn is_integer(ty: &syn::Type) -> bool {
    let syn::Type::Path(p) = ty else { return false };
    syntax::last_segment(&p.path).is_some_and(|n| {
        matches!(n.as_str(), "usize" | "isize" | "u64" | "i64" | "u128" | "i128" | "uintptr_t" | "intptr_t")
    })
}

/// Every identifier a pattern binds.
fn pattern_names(pat: &syn::Pat) -> Vec<String> {
    struct Names(Vec<String>);
    impl<'ast> Visit<'ast> for Names {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            self.0.push(p.ident.to_string());
            syn::visit::visit_pat_ident(self, p);
        }
    }
    let mut names = Names(Vec::new());
    names.visit_pat(pat);
    names.0
}

/// What runs a closure on another thread, for the secondary label.
struct Runner {
    what: String,
    range: Range<usize>,
}

/// The closures `expr` hands to something that runs them on another thread.
/// Closures bound to a name once in a body (`let task = move || ..;`), so that
/// `thread::spawn(task)` is seen like `thread::spawn(move || ..)`. A name bound more
/// than once is left out: which closure runs is then not clear from syntax.
fn named_closures(block: &syn::Block) -> HashMap<String, &syn::ExprClosure> {
    #[derive(Default)]
    struct Lets<'ast> {
        count: HashMap<String, usize>,
        closures: HashMap<String, &'ast syn::ExprClosure>,
    }
    impl<'ast> Visit<'ast> for Lets<'ast> {
        fn visit_local(&mut self, local: &'ast syn::Local) {
            for name in pattern_names(&local.pat) {
                *self.count.entry(name).or_default() += 1;
            }
            if let (syn::Pat::Ident(id), Some(init)) = (&local.pat, &local.init) {
                if let syn::Expr::Closure(c) = peel(&init.expr) {
                    self.closures.insert(id.ident.to_string(), c);
                }
            }
            syn::visit::visit_local(self, local);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut lets = Lets::default();
    lets.visit_block(block);
    let Lets { count, mut closures } = lets;
    closures.retain(|name, _| count.get(name) == Some(&1));
    closures
}

fn thread_closures<'e>(
    file: &SourceFile,
    expr: &'e syn::Expr,
    imports: &HashMap<String, Vec<String>>,
    named: &HashMap<String, &'e syn::ExprClosure>,
) -> Vec<(&'e syn::ExprClosure, Runner)> {
    let (args, what, span) = match expr {
        syn::Expr::Call(call) => {
            let syn::Expr::Path(p) = &*call.func else { return Vec::new() };
            let mut segments: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
            if segments.len() == 1 {
                match imports.get(&segments[0]) {
                    Some(full) => segments = full.clone(),
                    None => return Vec::new(),
                }
            }
            if !is_thread_runner_path(&segments) {
                return Vec::new();
            }
            (call.args.iter().collect::<Vec<_>>(), format!("`{}`", segments.join("::")), call.func.span())
        }
        syn::Expr::MethodCall(m) => {
            let method = m.method.to_string();
            if is_spawn_method(&method) {
                (m.args.iter().collect(), format!("`.{method}(..)`"), m.method.span())
            } else if receiver_chain_is_parallel(&m.receiver) {
                (m.args.iter().collect(), format!("the rayon adapter `.{method}(..)`"), m.method.span())
            } else {
                return Vec::new();
            }
        }
        _ => return Vec::new(),
    };
    args.into_iter()
        .filter_map(|a| match peel(a) {
            syn::Expr::Closure(c) => Some((c, Runner { what: what.clone(), range: file.range(span) })),
            syn::Expr::Path(p) => {
                let c = named.get(&p.path.get_ident()?.to_string())?;
                Some((*c, Runner { what: what.clone(), range: file.range(span) }))
            }
            _ => None,
        })
        .collect()
}

fn peel(e: &syn::Expr) -> &syn::Expr {
    match e {
        syn::Expr::Paren(p) => peel(&p.expr),
        syn::Expr::Group(g) => peel(&g.expr),
        other => other,
    }
}

/// `std::thread::spawn`, `thread::spawn`, `rayon::spawn`, `rayon::join`, `rayon::scope`...
fn is_thread_runner_path(segments: &[String]) -> bool {
    let Some(last) = segments.last() else { return false };
    let has = |s: &str| segments.iter().any(|x| x == s);
    (has("thread") && matches!(last.as_str(), "spawn" | "spawn_unchecked"))
        || last == "spawn_blocking"
        || (segments.first().is_some_and(|f| f == "rayon")
            && matches!(
                last.as_str(),
                "spawn"
                    | "spawn_fifo"
                    | "join"
                    | "join_context"
                    | "scope"
                    | "scope_fifo"
                    | "broadcast"
                    | "spawn_broadcast"
            ))
}

/// Methods that run their closure on another thread: `Builder::spawn`, `Scope::spawn`, `ThreadPool::spawn`...
fn is_spawn_method(method: &str) -> bool {
    matches!(
        method,
        "spawn" | "spawn_scoped" | "spawn_fifo" | "spawn_broadcast" | "spawn_unchecked" | "spawn_blocking" | "install"
    )
}

/// Whether a method chain went through a rayon parallel iterator (`par_iter()`, `into_par_iter()`...).
fn receiver_chain_is_parallel(mut e: &syn::Expr) -> bool {
    loop {
        match peel(e) {
            syn::Expr::MethodCall(m) => {
                if is_par_method(&m.method.to_string()) {
                    return true;
                }
                e = &m.receiver;
            }
            _ => return false,
        }
    }
}

fn is_par_method(name: &str) -> bool {
    name.starts_with("par_") || name == "into_par_iter"
}

/// For `items.par_iter().for_each(..)`: the variable a parallel iterator starts from (`items`).
fn parallel_receiver(expr: &syn::Expr) -> Option<&syn::ExprPath> {
    let syn::Expr::MethodCall(m) = expr else { return None };
    if !is_par_method(&m.method.to_string()) {
        return None;
    }
    let mut e = &*m.receiver;
    loop {
        match peel(e) {
            syn::Expr::MethodCall(inner) => e = &inner.receiver,
            syn::Expr::Reference(r) => e = &r.expr,
            syn::Expr::Path(p) if p.path.get_ident().is_some() => return Some(p),
            _ => return None,
        }
    }
}

/// The variable under a field path: `self` of `self.obj`, `state` of `(*state).obj`.
fn field_root(e: &syn::Expr) -> Option<String> {
    match peel(e) {
        syn::Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
        syn::Expr::Field(f) => field_root(&f.base),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => field_root(&u.expr),
        _ => None,
    }
}

/// Report the object pointers `closure` captures from the enclosing function.
fn captures(
    file: &SourceFile,
    bindings: &Bindings<'_>,
    closure: &syn::ExprClosure,
    runner: &Runner,
    reported: &mut HashSet<(String, usize)>,
    out: &mut Vec<Diagnostic>,
) {
    let start = file.range(closure.span()).start;
    // Names the closure binds itself, with where each binding starts to apply
    // (`let p = p;` still reads the captured `p` in its initialiser).
    let mut inner: Vec<(String, usize)> = closure.inputs.iter().flat_map(pattern_names).map(|n| (n, start)).collect();
    walk::walk_expr(&closure.body, &mut |node| {
        let (names, from) = match node {
            Node::Stmt(syn::Stmt::Local(l)) => (pattern_names(&l.pat), file.range(l.span()).end),
            Node::Expr(syn::Expr::Let(l)) => (pattern_names(&l.pat), file.range(l.span()).end),
            Node::Expr(syn::Expr::ForLoop(l)) => (pattern_names(&l.pat), file.range(l.body.span()).start),
            Node::Expr(syn::Expr::Closure(c)) => {
                (c.inputs.iter().flat_map(pattern_names).collect(), file.range(c.span()).start)
            }
            Node::Expr(syn::Expr::Match(m)) => {
                (m.arms.iter().flat_map(|a| pattern_names(&a.pat)).collect(), file.range(m.span()).start)
            }
            _ => return,
        };
        inner.extend(names.into_iter().map(|n| (n, from)));
    });
    let mut seen = HashSet::new();
    walk::walk_expr(&closure.body, &mut |node| {
        let Node::Expr(expr) = node else { return };
        let (name, root, kind, range, cast) = match expr {
            syn::Expr::Path(p) => {
                let Some(id) = p.path.get_ident() else { return };
                let name = id.to_string();
                let Some(kind) = bindings.kind_at(&name, start) else { return };
                (name.clone(), name, kind, file.range(p.span()), false)
            }
            // `self.callback`: an object-pointer field of something the closure captures.
            syn::Expr::Field(f) if bindings.field_kind(f).is_some() => {
                let Some(root) = field_root(&f.base) else { return };
                (syntax::expr_text(expr), root, Held::Pointer, file.range(f.span()), false)
            }
            // `addr as *mut PyObject` on the other thread: an object address smuggled across.
            syn::Expr::Cast(c) if syntax::is_object_ptr(&c.ty) => {
                let syn::Expr::Path(p) = peel(&c.expr) else { return };
                let Some(id) = p.path.get_ident() else { return };
                let name = id.to_string();
                if bindings.kind_at(&name, start) == Some(Held::Pointer) {
                    return;
                }
                (name.clone(), name, Held::Address, file.range(c.span()), true)
            }
            _ => return,
        };
        let shadowed = inner.iter().any(|(n, from)| *n == root && *from <= range.start);
        if shadowed || !seen.insert(name.clone()) || !reported.insert((name.clone(), range.start)) {
            return;
        }
        let message = match (kind, cast) {
            (Held::Pointer, _) => {
                format!("raw object pointer `{name}` is captured by a closure that runs on another thread")
            }
            (Held::Address, true) => format!("`{name}` is turned into an object pointer on another thread"),
            (Held::Address, false) => {
                format!(
                    "the address of a Python object (`{name}`) is captured by a closure that runs on another thread"
                )
            }
            (Held::Container, _) => {
                format!("`{name}` holds raw object pointers and is captured by a closure that runs on another thread")
            }
        };
        out.push(
            Diagnostic::new("GT004", file.path(), range, message)
                .with_primary_label(if cast { "object pointer rebuilt here" } else { "captured here" })
                .with_label(
                    file.path(),
                    runner.range.clone(),
                    format!("{} runs the closure on another thread", runner.what),
                )
                .with_help(HELP),
        );
    });
}

/// `objs.par_iter()` where `objs` holds object pointers.
fn receiver_capture(
    file: &SourceFile,
    bindings: &Bindings<'_>,
    root: &syn::ExprPath,
    reported: &mut HashSet<(String, usize)>,
    out: &mut Vec<Diagnostic>,
) {
    let range = file.range(root.span());
    let Some(id) = root.path.get_ident() else { return };
    let name = id.to_string();
    if !matches!(bindings.kind_at(&name, range.start), Some(Held::Container | Held::Pointer)) {
        return;
    }
    if reported.insert((name.clone(), range.start)) {
        out.push(
            Diagnostic::new(
                "GT004",
                file.path(),
                range,
                format!("`{name}` holds raw object pointers and is shared with rayon's worker threads"),
            )
            .with_primary_label("its items are used on other threads")
            .with_help(HELP),
        );
    }
}

/// `use` declarations of a file: imported name -> full path (`spawn` -> `std::thread::spawn`).
fn use_paths(ast: &syn::File) -> HashMap<String, Vec<String>> {
    struct Uses(HashMap<String, Vec<String>>);
    fn flatten(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut HashMap<String, Vec<String>>) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                flatten(&p.tree, prefix, out);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let mut full = prefix.clone();
                full.push(n.ident.to_string());
                out.insert(n.ident.to_string(), full);
            }
            syn::UseTree::Rename(r) => {
                let mut full = prefix.clone();
                full.push(r.ident.to_string());
                out.insert(r.rename.to_string(), full);
            }
            syn::UseTree::Group(g) => g.items.iter().for_each(|t| flatten(t, prefix, out)),
            syn::UseTree::Glob(_) => {}
        }
    }
    impl<'ast> Visit<'ast> for Uses {
        fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
            flatten(&u.tree, &mut Vec::new(), &mut self.0);
        }
    }
    let mut uses = Uses(HashMap::new());
    uses.visit_file(ast);
    uses.0
}

/// `unsafe impl Send`/`Sync` for a crate type with an object-pointer field.
fn send_impls(cx: &CrateContext<'_>, out: &mut Vec<Diagnostic>) {
    let mut holders: HashMap<String, (usize, Range<usize>, String, bool)> = HashMap::new();
    for (i, file) in cx.files.iter().enumerate() {
        let mut finder = HolderTypes { file, index: i, found: &mut holders };
        finder.visit_file(&file.ast);
    }
    if holders.is_empty() {
        return;
    }
    let graph = crate::callgraph::CallGraph::build(cx.files, cx.index);
    let gated: HashSet<String> = holders
        .iter()
        .filter(|(ty, (_, _, _, is_pub))| !is_pub && token_gated(cx, &graph, ty))
        .map(|(ty, _)| ty.clone())
        .collect();
    for file in cx.files {
        let mut impls = SendImpls { file, holders: &holders, gated: &gated, files: cx.files, out: &mut *out };
        impls.visit_file(&file.ast);
    }
}

/// Whether a pointer-holding type is a token-gated handle (the safe API's
/// `Py<T>`, PyO3's `Py<T>`): some method takes a thread-state token, and no
/// method or `Drop` reaches the C API without one or without testing that a
/// thread state is attached. Moving such a handle to another thread moves a
/// pointer nobody there can use without attaching first.
fn token_gated(cx: &CrateContext<'_>, graph: &crate::callgraph::CallGraph<'_>, ty: &str) -> bool {
    let methods: Vec<usize> = cx
        .index
        .fns
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            !f.in_test
                && f.self_ty.as_deref() == Some(ty)
                && (f.trait_name.is_none() || f.trait_name.as_deref() == Some("Drop"))
        })
        .map(|(i, _)| i)
        .collect();
    methods.iter().any(|&i| syntax::has_token_param(cx.index.fns[i].sig))
        && methods.iter().all(|&i| !crate::unwind::touches_unattached(cx, graph, i))
}

/// Types of the crate with a field holding an object pointer:
/// name -> (file, field range, field name, field is `pub`).
struct HolderTypes<'a> {
    file: &'a SourceFile,
    index: usize,
    found: &'a mut HashMap<String, (usize, Range<usize>, String, bool)>,
}

impl HolderTypes<'_> {
    fn fields(&mut self, name: &syn::Ident, fields: &syn::Fields) {
        for (i, field) in fields.iter().enumerate() {
            if type_kind(&field.ty).is_some() {
                let label = field.ident.as_ref().map_or_else(|| i.to_string(), ToString::to_string);
                let is_pub = matches!(field.vis, syn::Visibility::Public(_));
                self.found.insert(name.to_string(), (self.index, self.file.range(field.span()), label, is_pub));
                return;
            }
        }
    }
}

impl<'ast> Visit<'ast> for HolderTypes<'_> {
    fn visit_item_struct(&mut self, s: &'ast syn::ItemStruct) {
        self.fields(&s.ident, &s.fields);
    }

    fn visit_item_enum(&mut self, e: &'ast syn::ItemEnum) {
        for v in &e.variants {
            self.fields(&e.ident, &v.fields);
        }
    }

    fn visit_item_union(&mut self, u: &'ast syn::ItemUnion) {
        self.fields(&u.ident, &syn::Fields::Named(u.fields.clone()));
    }
}

struct SendImpls<'a, 'o> {
    file: &'a SourceFile,
    holders: &'a HashMap<String, (usize, Range<usize>, String, bool)>,
    /// Token-gated handles, whose `Send`/`Sync` is the design.
    gated: &'a HashSet<String>,
    files: &'a [SourceFile],
    out: &'o mut Vec<Diagnostic>,
}

impl<'ast> Visit<'ast> for SendImpls<'_, '_> {
    fn visit_item_impl(&mut self, imp: &'ast syn::ItemImpl) {
        let (Some(unsafety), Some((_, trait_path, _))) = (imp.unsafety, &imp.trait_) else { return };
        let Some(trait_name) = syntax::last_segment(trait_path).filter(|t| t == "Send" || t == "Sync") else {
            return;
        };
        let syn::Type::Path(self_ty) = &*imp.self_ty else { return };
        let Some(ty) = syntax::last_segment(&self_ty.path) else { return };
        let Some((file_index, field_range, field, _)) = self.holders.get(&ty) else { return };
        if syntax::is_cfg_test(&imp.attrs) || self.gated.contains(&ty) {
            return;
        }
        let range = self.file.range_between(unsafety.span, imp.self_ty.span());
        let holder_file = &self.files[*file_index];
        self.out.push(
            Diagnostic::new(
                "GT004",
                self.file.path(),
                range,
                format!("`unsafe impl {trait_name}` for `{ty}`, which holds a raw object pointer"),
            )
            .with_primary_label(format!("lets `{ty}` cross threads"))
            .with_label(holder_file.path(), field_range.clone(), format!("field `{field}` is a Python object pointer"))
            .with_help(format!(
                "remove the `unsafe impl {trait_name}`: a Python object may only be used with an attached thread \
                 state, and its reference count is not synchronised across threads; move plain Rust data instead"
            )),
        );
    }
}
