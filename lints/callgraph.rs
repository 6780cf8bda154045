//! The crate-wide call graph: for each function, the crate functions its body
//! calls, resolved from syntax alone.
//!
//! Paths resolve the way rustc resolves them, as far as syntax shows:
//! `crate::`, `self::`, `super::`, `Self::`, `use` imports (renames, groups,
//! globs, re-exports), child modules across files and `Type::assoc`. Method
//! calls resolve when the receiver's type is written down in the function (a
//! parameter, a `let` annotation, a cast, a constructor, a struct field).
//! Anything else (external crates, trait objects, generics, two candidates)
//! gets no edge: rules stay silent rather than guess.
//!
//! The same local typing answers two more questions rules ask: is this
//! expression an integer or a float, and is this receiver a `RefCell`.

use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::index::{CrateIndex, FnItem};
use crate::source::SourceFile;
use crate::syntax;

/// A type, as far as syntax tells: enough to pick a method's impl and to tell
/// integers from floats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    Int,
    Float,
    /// `NonZeroU32` and kin: never zero.
    NonZero,
    /// A named type: its last path segment and its generic type arguments.
    Named(String, Vec<Ty>),
    Ref(Box<Ty>),
    Ptr(Box<Ty>),
    Array(Box<Ty>, Option<u64>),
    Slice(Box<Ty>),
    Unknown,
}

impl Ty {
    fn named(name: &str) -> Ty {
        Ty::Named(name.to_string(), Vec::new())
    }

    /// The type behind any number of references.
    pub fn peeled(&self) -> &Ty {
        match self {
            Ty::Ref(inner) => inner.peeled(),
            other => other,
        }
    }

    pub fn is_int(&self) -> bool {
        matches!(self.peeled(), Ty::Int)
    }

    pub fn is_float(&self) -> bool {
        matches!(self.peeled(), Ty::Float)
    }

    /// Whether this is a `RefCell`, directly or behind a reference or smart pointer.
    pub fn is_refcell(&self) -> bool {
        match self.peeled() {
            Ty::Named(name, _) if name == "RefCell" => true,
            Ty::Named(name, args) if is_smart_pointer(name) => args.first().is_some_and(Ty::is_refcell),
            _ => false,
        }
    }

    /// The element type of an array, slice or `Vec`.
    pub fn element(&self) -> Ty {
        match self.peeled() {
            Ty::Array(elem, _) | Ty::Slice(elem) => (**elem).clone(),
            Ty::Named(name, args) if name == "Vec" || name == "VecDeque" => {
                args.first().cloned().unwrap_or(Ty::Unknown)
            }
            _ => Ty::Unknown,
        }
    }

    /// The length of a fixed-size array.
    pub fn array_len(&self) -> Option<u64> {
        match self.peeled() {
            Ty::Array(_, len) => *len,
            _ => None,
        }
    }

    fn numeric(self) -> Ty {
        match self.peeled() {
            Ty::Int => Ty::Int,
            Ty::Float => Ty::Float,
            _ => Ty::Unknown,
        }
    }
}

fn is_smart_pointer(name: &str) -> bool {
    matches!(name, "Box" | "Rc" | "Arc")
}

/// Integer types by name: Rust's, `std::ffi`'s and CPython's.
const INT_TYPES: &[&str] = &[
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "c_char",
    "c_schar",
    "c_uchar",
    "c_short",
    "c_ushort",
    "c_int",
    "c_uint",
    "c_long",
    "c_ulong",
    "c_longlong",
    "c_ulonglong",
    "size_t",
    "ssize_t",
    "c_size_t",
    "c_ssize_t",
    "Py_ssize_t",
    "Py_hash_t",
    "Py_uhash_t",
    "Py_UCS1",
    "Py_UCS2",
    "Py_UCS4",
];

const FLOAT_TYPES: &[&str] = &["f32", "f64", "c_float", "c_double"];

/// What a type name means by itself, without the crate's aliases.
fn primitive(name: &str) -> Option<Ty> {
    if INT_TYPES.contains(&name) {
        Some(Ty::Int)
    } else if FLOAT_TYPES.contains(&name) {
        Some(Ty::Float)
    } else if name.starts_with("NonZero") {
        Some(Ty::NonZero)
    } else {
        None
    }
}

/// The numeric kind of a C-API function's result, for the few whose names say it.
fn api_result_kind(name: &str) -> Ty {
    const FLOATS: &[&str] = &[
        "PyFloat_AsDouble",
        "PyFloat_AS_DOUBLE",
        "PyLong_AsDouble",
        "PyComplex_RealAsDouble",
        "PyComplex_ImagAsDouble",
        "PyOS_string_to_double",
    ];
    if FLOATS.contains(&name) {
        Ty::Float
    } else if (name.starts_with("PyLong_As") && !name.ends_with("Ptr") && !name.ends_with("Int64Array"))
        || (name.starts_with("Py") && (name.ends_with("_Size") || name.ends_with("_GET_SIZE")))
        || matches!(name, "PyObject_Length" | "PyObject_Hash" | "PyUnicode_GetLength" | "Py_REFCNT" | "Py_SIZE")
    {
        Ty::Int
    } else {
        Ty::Unknown
    }
}

/// The span of an expression's first token, found without building its token
/// stream (syn's `Spanned::span` does, which costs as much as the node is big).
pub fn expr_start(expr: &syn::Expr) -> Span {
    use syn::Expr;
    match expr {
        Expr::Path(p) => path_start(&p.path),
        Expr::Call(c) => expr_start(&c.func),
        Expr::MethodCall(m) => expr_start(&m.receiver),
        Expr::Field(f) => expr_start(&f.base),
        Expr::Index(i) => expr_start(&i.expr),
        Expr::Binary(b) => expr_start(&b.left),
        Expr::Cast(c) => expr_start(&c.expr),
        Expr::Try(t) => expr_start(&t.expr),
        Expr::Assign(a) => expr_start(&a.left),
        Expr::Paren(p) => p.paren_token.span.open(),
        Expr::Tuple(t) => t.paren_token.span.open(),
        Expr::Array(a) => a.bracket_token.span.open(),
        Expr::Block(b) => b.block.brace_token.span.open(),
        Expr::Unsafe(u) => u.unsafe_token.span,
        Expr::Reference(r) => r.and_token.span,
        Expr::Unary(u) => match u.op {
            syn::UnOp::Deref(t) => t.span,
            syn::UnOp::Not(t) => t.span,
            syn::UnOp::Neg(t) => t.span,
            _ => u.expr.span(),
        },
        Expr::Lit(l) => l.lit.span(),
        Expr::Macro(m) => path_start(&m.mac.path),
        Expr::Struct(s) => path_start(&s.path),
        Expr::If(i) => i.if_token.span,
        Expr::Match(m) => m.match_token.span,
        Expr::Closure(c) => c.or1_token.span,
        other => other.span(),
    }
}

/// The span of an expression's last token, found without building its token stream.
pub fn expr_end(expr: &syn::Expr) -> Span {
    use syn::Expr;
    match expr {
        Expr::Path(p) => p.path.segments.last().map_or_else(|| p.span(), |s| s.ident.span()),
        Expr::Call(c) => c.paren_token.span.close(),
        Expr::MethodCall(m) => m.paren_token.span.close(),
        Expr::Field(f) => match &f.member {
            syn::Member::Named(id) => id.span(),
            syn::Member::Unnamed(i) => i.span,
        },
        Expr::Index(i) => i.bracket_token.span.close(),
        Expr::Binary(b) => expr_end(&b.right),
        Expr::Unary(u) => expr_end(&u.expr),
        Expr::Reference(r) => expr_end(&r.expr),
        Expr::Try(t) => t.question_token.span,
        Expr::Assign(a) => expr_end(&a.right),
        Expr::Closure(c) => expr_end(&c.body),
        Expr::Paren(p) => p.paren_token.span.close(),
        Expr::Tuple(t) => t.paren_token.span.close(),
        Expr::Array(a) => a.bracket_token.span.close(),
        Expr::Block(b) => b.block.brace_token.span.close(),
        Expr::Unsafe(u) => u.block.brace_token.span.close(),
        Expr::Struct(s) => s.brace_token.span.close(),
        Expr::Match(m) => m.brace_token.span.close(),
        Expr::If(i) => match &i.else_branch {
            Some((_, e)) => expr_end(e),
            None => i.then_branch.brace_token.span.close(),
        },
        Expr::Lit(l) => l.lit.span(),
        Expr::Macro(m) => match &m.mac.delimiter {
            syn::MacroDelimiter::Paren(p) => p.span.close(),
            syn::MacroDelimiter::Brace(b) => b.span.close(),
            syn::MacroDelimiter::Bracket(b) => b.span.close(),
        },
        other => other.span(),
    }
}

/// The span of a path's first token.
pub fn path_start(path: &syn::Path) -> Span {
    match (&path.leading_colon, path.segments.first()) {
        (Some(colon), _) => colon.spans[0],
        (None, Some(seg)) => seg.ident.span(),
        (None, None) => path.span(),
    }
}

/// The byte range of an expression, from its first to its last token.
pub fn expr_range(file: &SourceFile, expr: &syn::Expr) -> Range<usize> {
    file.range_between(expr_start(expr), expr_end(expr))
}

/// The byte range of a path, from its first to its last segment.
pub fn path_range(file: &SourceFile, path: &syn::Path) -> Range<usize> {
    let last = path.segments.last().map_or_else(|| path_start(path), |s| s.ident.span());
    file.range_between(path_start(path), last)
}

/// One name a `use` item brings into a module: `use a::b as c;` binds `c` to `a::b`.
#[derive(Debug, Clone)]
struct UseBinding {
    name: String,
    path: Vec<String>,
    glob: bool,
}

/// Where a path leads.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Module(Vec<String>),
    /// A type defined in the crate, by name.
    Type(String),
    Fn(usize),
}

/// Which namespace the last segment of a path is looked up in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Ns {
    Value,
    TypeOrModule,
}

/// The crate's items that resolution needs, gathered in one pass over the files.
#[derive(Default)]
struct CrateItems<'a> {
    modules: HashSet<Vec<String>>,
    uses: HashMap<Vec<String>, Vec<UseBinding>>,
    /// Module -> types defined in it.
    types: HashMap<Vec<String>, HashSet<String>>,
    /// Struct name -> its named (or `0`, `1`...) fields, one map per definition.
    fields: HashMap<String, Vec<HashMap<String, &'a syn::Type>>>,
    aliases: HashMap<String, Vec<&'a syn::Type>>,
    /// Statics and `thread_local!` keys, with their types.
    statics: HashMap<String, Vec<Ty>>,
    /// Type name -> traits it implements in the crate.
    trait_impls: HashMap<String, HashSet<String>>,
}

impl<'a> CrateItems<'a> {
    fn scan(files: &'a [SourceFile], index: &CrateIndex<'_>) -> Self {
        let mut items = CrateItems::default();
        for (i, file) in files.iter().enumerate() {
            let mut module = index.file_modules.get(i).cloned().unwrap_or_default();
            items.modules.insert(module.clone());
            items.scan_items(&file.ast.items, &mut module);
        }
        items
    }

    fn scan_items(&mut self, list: &'a [syn::Item], module: &mut Vec<String>) {
        for item in list {
            match item {
                syn::Item::Mod(m) => {
                    module.push(m.ident.to_string());
                    self.modules.insert(module.clone());
                    if let Some((_, inner)) = &m.content {
                        self.scan_items(inner, module);
                    }
                    module.pop();
                }
                syn::Item::Use(u) => {
                    let mut out = Vec::new();
                    flatten_use(&u.tree, &mut Vec::new(), &mut out);
                    self.uses.entry(module.clone()).or_default().extend(out);
                }
                syn::Item::Struct(s) => {
                    self.add_type(module, &s.ident);
                    let map = s
                        .fields
                        .iter()
                        .enumerate()
                        .map(|(i, f)| (f.ident.as_ref().map_or_else(|| i.to_string(), |id| id.to_string()), &f.ty))
                        .collect();
                    self.fields.entry(s.ident.to_string()).or_default().push(map);
                }
                syn::Item::Enum(e) => self.add_type(module, &e.ident),
                syn::Item::Union(u) => self.add_type(module, &u.ident),
                syn::Item::Type(t) => {
                    self.add_type(module, &t.ident);
                    self.aliases.entry(t.ident.to_string()).or_default().push(&t.ty);
                }
                syn::Item::Static(s) => {
                    self.statics.entry(s.ident.to_string()).or_default().push(basic_ty(&s.ty));
                }
                syn::Item::Impl(imp) => {
                    if let (Some((_, path, _)), syn::Type::Path(p)) = (&imp.trait_, &*imp.self_ty) {
                        if let (Some(tr), Some(ty)) = (syntax::last_segment(path), syntax::last_segment(&p.path)) {
                            self.trait_impls.entry(ty).or_default().insert(tr);
                        }
                    }
                }
                syn::Item::Macro(m) if syntax::macro_name(&m.mac) == "thread_local" => {
                    for s in thread_local_statics(&m.mac) {
                        self.statics.entry(s.ident.to_string()).or_default().push(basic_ty(&s.ty));
                    }
                }
                _ => {}
            }
        }
    }

    fn add_type(&mut self, module: &[String], ident: &syn::Ident) {
        self.types.entry(module.to_vec()).or_default().insert(ident.to_string());
    }
}

/// The `static` declarations inside a `thread_local! { .. }` body.
fn thread_local_statics(mac: &syn::Macro) -> Vec<syn::ItemStatic> {
    mac.parse_body_with(|input: syn::parse::ParseStream<'_>| {
        let mut out = Vec::new();
        while !input.is_empty() {
            out.push(input.parse::<syn::ItemStatic>()?);
        }
        Ok(out)
    })
    .unwrap_or_default()
}

/// The bindings of a `use` tree, with `prefix` the segments above it.
fn flatten_use(tree: &syn::UseTree, prefix: &mut Vec<String>, out: &mut Vec<UseBinding>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            flatten_use(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => out.push(use_binding(prefix, &n.ident, &n.ident)),
        syn::UseTree::Rename(r) => out.push(use_binding(prefix, &r.ident, &r.rename)),
        syn::UseTree::Glob(_) => out.push(UseBinding { name: String::new(), path: prefix.clone(), glob: true }),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                flatten_use(t, prefix, out);
            }
        }
    }
}

fn use_binding(prefix: &[String], ident: &syn::Ident, alias: &syn::Ident) -> UseBinding {
    // `use a::b::{self}` binds `b` to `a::b`.
    if ident == "self" {
        let name = if alias == "self" { prefix.last().cloned().unwrap_or_default() } else { alias.to_string() };
        return UseBinding { name, path: prefix.to_vec(), glob: false };
    }
    let mut path = prefix.to_vec();
    path.push(ident.to_string());
    UseBinding { name: alias.to_string(), path, glob: false }
}

/// Whether a binding renames what it imports (`use a::b as c;`).
fn is_rename(b: &UseBinding) -> bool {
    !b.glob && b.path.last() != Some(&b.name)
}

/// A type without the crate's aliases (for statics, gathered before aliases are known).
fn basic_ty(ty: &syn::Type) -> Ty {
    convert_ty(ty, None, &HashMap::new(), 0)
}

fn convert_ty(ty: &syn::Type, self_ty: Option<&str>, aliases: &HashMap<String, Vec<&syn::Type>>, depth: u8) -> Ty {
    if depth > 8 {
        return Ty::Unknown;
    }
    let conv = |t: &syn::Type| convert_ty(t, self_ty, aliases, depth + 1);
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else { return Ty::Unknown };
            let name = last.ident.to_string();
            if let Some(prim) = primitive(&name) {
                return prim;
            }
            if name == "Self" {
                return self_ty.map_or(Ty::Unknown, Ty::named);
            }
            if let Some([alias]) = aliases.get(&name).map(Vec::as_slice) {
                return conv(alias);
            }
            let args = match &last.arguments {
                syn::PathArguments::AngleBracketed(a) => a
                    .args
                    .iter()
                    .filter_map(|g| match g {
                        syn::GenericArgument::Type(t) => Some(conv(t)),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            Ty::Named(name, args)
        }
        syn::Type::Reference(r) => Ty::Ref(Box::new(conv(&r.elem))),
        syn::Type::Ptr(p) => Ty::Ptr(Box::new(conv(&p.elem))),
        syn::Type::Array(a) => Ty::Array(Box::new(conv(&a.elem)), int_literal(&a.len)),
        syn::Type::Slice(s) => Ty::Slice(Box::new(conv(&s.elem))),
        syn::Type::Paren(p) => conv(&p.elem),
        syn::Type::Group(g) => conv(&g.elem),
        _ => Ty::Unknown,
    }
}

/// The value of an integer literal expression (`3`, `3usize`, `(3)`).
pub fn int_literal(expr: &syn::Expr) -> Option<u64> {
    match expr {
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) => i.base10_parse().ok(),
        syn::Expr::Paren(p) => int_literal(&p.expr),
        syn::Expr::Group(g) => int_literal(&g.expr),
        _ => None,
    }
}

/// How a call site was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallKind {
    /// `f(..)`, `m::f(..)`, `Type::f(..)`.
    Call,
    /// `recv.f(..)`.
    Method,
    /// A function passed by name to another call (`iter.map(parse)`), which runs it.
    Reference,
}

/// One resolved call in a function body.
#[derive(Debug, Clone)]
pub struct CallSite {
    /// Index of the callee in `CrateIndex::fns`.
    pub callee: usize,
    /// The callee's path or the method name, in the caller's file.
    pub range: Range<usize>,
    pub kind: CallKind,
}

/// (module, name, namespace, depth) of one [`Resolver::lookup`].
type LookupKey = (Vec<String>, String, Ns, u8);

/// Resolution over the crate's items; the call graph and rules share it.
pub struct Resolver<'a> {
    fns: &'a [FnItem<'a>],
    items: CrateItems<'a>,
    /// Name -> free functions of that name (any module).
    free_fns: HashMap<String, Vec<usize>>,
    /// Name -> methods and associated functions of that name (any type).
    methods: HashMap<String, Vec<usize>>,
    /// Names a module-level `use ... as name` binds: calls through them may reach a crate fn.
    renames: HashSet<String>,
    /// Answers of [`Resolver::lookup`] without body `use`s, by (module, name,
    /// namespace, depth): each glob is expanded once per name, not once per
    /// path through the other globs (20 globs that cannot be resolved would
    /// otherwise cost 20^6 lookups per call).
    lookups: RefCell<HashMap<LookupKey, Option<Target>>>,
}

impl<'a> Resolver<'a> {
    fn new(files: &'a [SourceFile], index: &'a CrateIndex<'a>) -> Self {
        let items = CrateItems::scan(files, index);
        let mut free_fns: HashMap<String, Vec<usize>> = HashMap::new();
        let mut methods: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in index.fns.iter().enumerate().filter(|(_, f)| !f.in_test) {
            let map = if f.self_ty.is_none() { &mut free_fns } else { &mut methods };
            map.entry(f.name.clone()).or_default().push(i);
        }
        let renames = items.uses.values().flatten().filter(|b| is_rename(b)).map(|b| b.name.clone()).collect();
        Resolver { fns: &index.fns, items, free_fns, methods, renames, lookups: RefCell::default() }
    }

    /// Whether a call whose last path segment is `name` can resolve to a crate
    /// function at all (imports keep names, except renames): a cheap test before
    /// resolving the path.
    fn may_name_fn(&self, name: &str, body_uses: &[UseBinding]) -> bool {
        self.free_fns.contains_key(name)
            || self.methods.contains_key(name)
            || self.renames.contains(name)
            || body_uses.iter().any(|b| is_rename(b) && b.name == name)
    }

    /// Methods named `name` of the type (or trait, for default bodies) `ty`.
    fn methods_of(&self, ty: &str, name: &str) -> Vec<usize> {
        let all = self.methods.get(name).map_or(&[][..], Vec::as_slice);
        all.iter().copied().filter(|&i| self.fns[i].self_ty.as_deref() == Some(ty)).collect()
    }

    /// A syn type as a [`Ty`], expanding the crate's aliases; `Self` is `self_ty`.
    pub fn ty(&self, ty: &syn::Type, self_ty: Option<&str>) -> Ty {
        convert_ty(ty, self_ty, &self.items.aliases, 0)
    }

    /// The declared return type of a crate function.
    pub fn return_ty(&self, f: usize) -> Ty {
        let item = &self.fns[f];
        match &item.sig.output {
            syn::ReturnType::Type(_, ty) => self.ty(ty, item.self_ty.as_deref()),
            syn::ReturnType::Default => Ty::Unknown,
        }
    }

    /// The type of a static or `thread_local!` key, when one definition has that name.
    pub fn static_ty(&self, name: &str) -> Ty {
        match self.items.statics.get(name).map(Vec::as_slice) {
            Some([ty]) => ty.clone(),
            _ => Ty::Unknown,
        }
    }

    /// The declared type of `field` of the struct named `ty` (one definition only).
    fn field_ty(&self, ty: &str, field: &str) -> Ty {
        match self.items.fields.get(ty).map(Vec::as_slice) {
            Some([fields]) => fields.get(field).map_or(Ty::Unknown, |t| self.ty(t, Some(ty))),
            _ => Ty::Unknown,
        }
    }

    fn child_module(&self, module: &[String], name: &str) -> Option<Vec<String>> {
        let mut child = module.to_vec();
        child.push(name.to_string());
        self.items.modules.contains(&child).then_some(child)
    }

    /// Look `name` up in `module`: its own items, then its `use` bindings, then its glob imports.
    fn lookup(&self, module: &[String], name: &str, ns: Ns, extra_uses: &[UseBinding], depth: u8) -> Option<Target> {
        if !extra_uses.is_empty() {
            return self.lookup_uncached(module, name, ns, extra_uses, depth);
        }
        let key = (module.to_vec(), name.to_string(), ns, depth);
        if let Some(found) = self.lookups.borrow().get(&key) {
            return found.clone();
        }
        let found = self.lookup_uncached(module, name, ns, &[], depth);
        self.lookups.borrow_mut().insert(key, found.clone());
        found
    }

    fn lookup_uncached(
        &self,
        module: &[String],
        name: &str,
        ns: Ns,
        extra_uses: &[UseBinding],
        depth: u8,
    ) -> Option<Target> {
        if depth > 6 {
            return None;
        }
        match ns {
            Ns::TypeOrModule => {
                if let Some(child) = self.child_module(module, name) {
                    return Some(Target::Module(child));
                }
                if self.items.types.get(module).is_some_and(|t| t.contains(name)) {
                    return Some(Target::Type(name.to_string()));
                }
            }
            Ns::Value => {
                let all = self.free_fns.get(name).map_or(&[][..], Vec::as_slice);
                let mut here = all.iter().copied().filter(|&i| self.fns[i].module == module);
                if let Some(first) = here.next() {
                    return here.next().is_none().then_some(Target::Fn(first));
                }
            }
        }
        let uses = self.items.uses.get(module).map_or(&[][..], Vec::as_slice);
        for binding in extra_uses.iter().chain(uses).filter(|b| !b.glob && b.name == name) {
            if let Some(found) = self.resolve_segments(module, &binding.path, ns, &[], None, depth + 1) {
                return Some(found);
            }
        }
        let mut found: Vec<Target> = Vec::new();
        for glob in extra_uses.iter().chain(uses).filter(|b| b.glob) {
            let Some(Target::Module(target)) =
                self.resolve_segments(module, &glob.path, Ns::TypeOrModule, &[], None, depth + 1)
            else {
                continue;
            };
            if target.as_slice() == module {
                continue;
            }
            if let Some(t) = self.lookup(&target, name, ns, &[], depth + 1) {
                if !found.contains(&t) {
                    found.push(t);
                }
            }
        }
        match found.as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        }
    }

    /// Resolve a path written in `module`; `ns` is the namespace of its last segment.
    fn resolve_segments(
        &self,
        module: &[String],
        segs: &[String],
        ns: Ns,
        extra_uses: &[UseBinding],
        self_ty: Option<&str>,
        depth: u8,
    ) -> Option<Target> {
        let (first, rest) = segs.split_first()?;
        let mut current = match first.as_str() {
            "crate" => Target::Module(Vec::new()),
            "self" => Target::Module(module.to_vec()),
            "super" => Target::Module(module.split_last().map(|(_, p)| p.to_vec())?),
            "Self" => Target::Type(self_ty?.to_string()),
            _ if rest.is_empty() => return self.lookup(module, first, ns, extra_uses, depth),
            _ => self.lookup(module, first, Ns::TypeOrModule, extra_uses, depth)?,
        };
        if rest.is_empty() {
            return (ns == Ns::TypeOrModule).then_some(current);
        }
        for (i, seg) in rest.iter().enumerate() {
            let last = i + 1 == rest.len();
            current = match (&current, seg.as_str()) {
                (Target::Module(m), "super") => Target::Module(m.split_last().map(|(_, p)| p.to_vec())?),
                (Target::Module(m), _) => {
                    self.lookup(m, seg, if last { ns } else { Ns::TypeOrModule }, &[], depth + 1)?
                }
                (Target::Type(ty), _) if last && ns == Ns::Value => Target::Fn(self.method(ty, seg, true)?),
                _ => return None,
            };
        }
        Some(current)
    }

    /// The function `name` of type `ty`: an inherent one first (they win in
    /// Rust), then a trait impl's, then a default body of a trait `ty` implements.
    pub fn method(&self, ty: &str, name: &str, allow_traits: bool) -> Option<usize> {
        let found = self.methods_of(ty, name);
        let inherent: Vec<usize> = found.iter().copied().filter(|&i| self.fns[i].trait_name.is_none()).collect();
        match inherent.as_slice() {
            [one] => return Some(*one),
            [] => {}
            _ => return None,
        }
        if !allow_traits {
            return None;
        }
        let in_impls: Vec<usize> = found.iter().copied().filter(|&i| self.fns[i].trait_name.is_some()).collect();
        match in_impls.as_slice() {
            [one] => return Some(*one),
            [] => {}
            _ => return None,
        }
        let traits = self.items.trait_impls.get(ty)?;
        let defaults: Vec<usize> = traits
            .iter()
            .flat_map(|tr| self.methods_of(tr, name))
            .filter(|&i| self.fns[i].trait_name.as_deref() == self.fns[i].self_ty.as_deref())
            .collect();
        match defaults.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The method `name` called on a receiver of type `recv`.
    fn method_on(&self, recv: &Ty, name: &str) -> Option<usize> {
        match recv.peeled() {
            // `Rc<T>`/`Box<T>` answer trait methods themselves (`clone`); only T's inherent ones reach T.
            Ty::Named(n, args) if is_smart_pointer(n) => match args.first().map(Ty::peeled) {
                Some(Ty::Named(inner, _)) => self.method(inner, name, false),
                _ => None,
            },
            Ty::Named(n, _) => self.method(n, name, true),
            _ => None,
        }
    }
}

/// One binding of a local name: where it is visible and its type.
#[derive(Debug, Clone)]
struct Binding {
    start: usize,
    end: usize,
    ty: Ty,
}

/// Types of a function's local bindings, by position: a later `let x` shadows
/// an earlier one from where it is written to the end of its block.
#[derive(Debug, Default, Clone)]
pub struct Locals {
    bindings: HashMap<String, Vec<Binding>>,
}

impl Locals {
    /// The type of the binding of `name` visible at byte offset `at`.
    pub fn get_at(&self, name: &str, at: usize) -> Option<&Ty> {
        let list = self.bindings.get(name)?;
        list.iter().rev().find(|b| b.start <= at && at < b.end).map(|b| &b.ty)
    }

    /// Whether `name` is a local binding anywhere in the body (so not a function of the crate).
    pub fn contains(&self, name: &str) -> bool {
        self.bindings.contains_key(name)
    }
}

/// Where local types come from: the walk so far, or the finished body at a position.
#[derive(Clone, Copy)]
pub enum Env<'e> {
    Current(&'e HashMap<String, Ty>),
    At(&'e Locals, usize),
}

impl Env<'_> {
    fn get(&self, name: &str) -> Option<Ty> {
        match self {
            Env::Current(map) => map.get(name).cloned(),
            Env::At(locals, at) => locals.get_at(name, *at).cloned(),
        }
    }

    fn has(&self, name: &str) -> bool {
        match self {
            Env::Current(map) => map.contains_key(name),
            Env::At(locals, _) => locals.contains(name),
        }
    }
}

/// The call graph of one crate.
pub struct CallGraph<'a> {
    pub resolver: Resolver<'a>,
    files: &'a [SourceFile],
    /// Per function, resolved on first use: only the functions a rule asks about are walked.
    bodies: Vec<OnceCell<Body>>,
}

/// What the graph knows about one function body.
#[derive(Default)]
struct Body {
    /// Resolved calls, in source order.
    calls: Vec<CallSite>,
    /// Call start offset -> index in `calls`.
    at: HashMap<usize, usize>,
    locals: Locals,
    /// `use` items inside the body.
    uses: Vec<UseBinding>,
}

impl<'a> CallGraph<'a> {
    /// The graph of a crate. Cheap: each function's calls are resolved when first asked for.
    pub fn build(files: &'a [SourceFile], index: &'a CrateIndex<'a>) -> Self {
        let resolver = Resolver::new(files, index);
        let bodies = (0..index.fns.len()).map(|_| OnceCell::new()).collect();
        CallGraph { resolver, files, bodies }
    }

    fn body(&self, f: usize) -> &Body {
        self.bodies[f].get_or_init(|| {
            let item = &self.resolver.fns[f];
            if item.in_test {
                return Body::default();
            }
            let uses = body_uses(item.block);
            let mut walker = Walker::new(self, f, &uses);
            walker.bind_params();
            walker.visit_block(item.block);
            let (calls, locals) = (walker.sites, walker.locals);
            let at = calls.iter().enumerate().map(|(k, s)| (s.range.start, k)).collect();
            Body { calls, at, locals, uses }
        })
    }

    pub fn fns(&self) -> &'a [FnItem<'a>] {
        self.resolver.fns
    }

    /// The resolved calls in function `f`'s body.
    pub fn calls(&self, f: usize) -> &[CallSite] {
        &self.body(f).calls
    }

    /// The resolved call whose callee path or method name starts at byte `start`.
    pub fn call_at(&self, f: usize, start: usize) -> Option<&CallSite> {
        let body = self.body(f);
        body.at.get(&start).map(|&k| &body.calls[k])
    }

    /// Whether `name`, written in function `f`, can name a crate function (a cheap
    /// test: false means no call through it resolves).
    pub fn may_name_fn(&self, f: usize, name: &str) -> bool {
        self.resolver.may_name_fn(name, &self.body(f).uses)
    }

    pub fn locals(&self, f: usize) -> &Locals {
        &self.body(f).locals
    }

    /// The type of an expression in function `f`, with the locals visible where it is written.
    pub fn type_of(&self, f: usize, expr: &syn::Expr) -> Ty {
        let at = self.file_of(f).range(expr_start(expr)).start;
        let body = self.body(f);
        let typer = Typer { graph: self, f, env: Env::At(&body.locals, at), uses: &body.uses };
        typer.infer(expr)
    }

    /// Where a call written as a path in function `f` resolves (`helper`, `crate::m::helper`, `Type::new`).
    fn resolve_path(&self, f: usize, path: &syn::Path, env: Env<'_>, uses: &[UseBinding]) -> Option<usize> {
        let last = path.segments.last()?.ident.to_string();
        if !self.resolver.may_name_fn(&last, uses) {
            return None;
        }
        if path.segments.len() == 1 && env.has(&last) {
            return None;
        }
        let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let item = &self.resolver.fns[f];
        let self_ty = item.self_ty.as_deref().filter(|_| !is_trait_default(item));
        match self.resolver.resolve_segments(&item.module, &segs, Ns::Value, uses, self_ty, 0)? {
            Target::Fn(i) => Some(i),
            _ => None,
        }
    }

    /// A human-readable name of function `f` (`parse_args`, `Counter::next`).
    pub fn display_name(&self, f: usize) -> String {
        let item = &self.resolver.fns[f];
        match &item.self_ty {
            Some(ty) => format!("{ty}::{}", item.name),
            None => item.name.clone(),
        }
    }

    /// The file function `f` lives in.
    pub fn file_of(&self, f: usize) -> &'a SourceFile {
        &self.files[self.resolver.fns[f].file]
    }
}

/// A trait's default method body, whose `self` can be any implementor.
fn is_trait_default(f: &FnItem<'_>) -> bool {
    f.trait_name.is_some() && f.trait_name == f.self_ty
}

/// The `use` items anywhere in a function body.
fn body_uses(block: &syn::Block) -> Vec<UseBinding> {
    struct Uses(Vec<UseBinding>);
    impl<'ast> Visit<'ast> for Uses {
        fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
            flatten_use(&u.tree, &mut Vec::new(), &mut self.0);
        }
        fn visit_item_fn(&mut self, _: &'ast syn::ItemFn) {}
        fn visit_item_impl(&mut self, _: &'ast syn::ItemImpl) {}
        fn visit_item_mod(&mut self, _: &'ast syn::ItemMod) {}
    }
    let mut uses = Uses(Vec::new());
    uses.visit_block(block);
    uses.0
}

/// Expression typing against a set of local types.
struct Typer<'g, 'a> {
    graph: &'g CallGraph<'a>,
    f: usize,
    env: Env<'g>,
    /// The `use` items of the body.
    uses: &'g [UseBinding],
}

impl Typer<'_, '_> {
    fn resolver(&self) -> &Resolver<'_> {
        &self.graph.resolver
    }

    fn self_ty(&self) -> Option<&str> {
        let item = &self.resolver().fns[self.f];
        item.self_ty.as_deref().filter(|_| !is_trait_default(item))
    }

    fn infer(&self, expr: &syn::Expr) -> Ty {
        use syn::Expr;
        match expr {
            Expr::Lit(lit) => literal_ty(&lit.lit),
            Expr::Cast(c) => self.resolver().ty(&c.ty, self.self_ty()),
            Expr::Paren(p) => self.infer(&p.expr),
            Expr::Group(g) => self.infer(&g.expr),
            // `unsafe { &*(slf as *const T) }`: a block has the type of its tail expression.
            Expr::Unsafe(_) | Expr::Block(_) => block_tail(expr).map_or(Ty::Unknown, |e| self.infer(e)),
            Expr::Unary(u) => match u.op {
                syn::UnOp::Deref(_) => match self.infer(&u.expr) {
                    Ty::Ref(t) | Ty::Ptr(t) => *t,
                    Ty::Named(n, mut args) if is_smart_pointer(&n) && !args.is_empty() => args.swap_remove(0),
                    _ => Ty::Unknown,
                },
                _ => self.infer(&u.expr).numeric(),
            },
            Expr::Reference(r) => Ty::Ref(Box::new(self.infer(&r.expr))),
            Expr::Binary(b) => self.binary_ty(b),
            Expr::Path(p) => self.path_ty(p),
            Expr::Call(c) => self.call_ty(c),
            Expr::MethodCall(m) => self.method_ty(m),
            Expr::Struct(s) => match syntax::last_segment(&s.path).as_deref() {
                Some("Self") => self.self_ty().map_or(Ty::Unknown, Ty::named),
                Some(name) => Ty::named(name),
                None => Ty::Unknown,
            },
            Expr::Field(f) => self.field_ty(f),
            Expr::Index(i) => match &*i.index {
                Expr::Range(_) => Ty::Unknown,
                _ => self.infer(&i.expr).element(),
            },
            Expr::Array(a) => {
                let elem = a.elems.first().map_or(Ty::Unknown, |e| self.infer(e));
                Ty::Array(Box::new(elem), Some(a.elems.len() as u64))
            }
            Expr::Repeat(r) => Ty::Array(Box::new(self.infer(&r.expr)), int_literal(&r.len)),
            Expr::Macro(m) if syntax::macro_name(&m.mac) == "vec" => {
                let elem =
                    syntax::macro_exprs(&m.mac).and_then(|v| v.first().map(|e| self.infer(e))).unwrap_or(Ty::Unknown);
                Ty::Named("Vec".into(), vec![elem])
            }
            _ => Ty::Unknown,
        }
    }

    fn binary_ty(&self, b: &syn::ExprBinary) -> Ty {
        use syn::BinOp;
        match b.op {
            BinOp::Add(_) | BinOp::Sub(_) | BinOp::Mul(_) | BinOp::Div(_) | BinOp::Rem(_) => {
                match self.infer(&b.left).numeric() {
                    Ty::Unknown => self.infer(&b.right).numeric(),
                    known => known,
                }
            }
            BinOp::BitAnd(_) | BinOp::BitOr(_) | BinOp::BitXor(_) | BinOp::Shl(_) | BinOp::Shr(_) => {
                match self.infer(&b.left).numeric() {
                    Ty::Int => Ty::Int,
                    _ => Ty::Unknown,
                }
            }
            _ => Ty::Unknown,
        }
    }

    fn path_ty(&self, p: &syn::ExprPath) -> Ty {
        let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
        match segs.as_slice() {
            [one] => match self.env.get(one) {
                Some(ty) => ty,
                None => self.resolver().static_ty(one),
            },
            // `u32::MAX`, `f64::EPSILON`, `c_long::BITS`.
            [.., ty, _] => primitive(ty).unwrap_or(Ty::Unknown),
            _ => Ty::Unknown,
        }
    }

    fn call_ty(&self, c: &syn::ExprCall) -> Ty {
        let syn::Expr::Path(p) = &*c.func else { return Ty::Unknown };
        let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
        let last = segs.last().map(String::as_str).unwrap_or_default();
        if segs.len() >= 2 {
            let ty = segs[segs.len() - 2].as_str();
            if matches!(ty, "RefCell" | "Cell") && last == "new" {
                return Ty::named(ty);
            }
            // `NonZeroU64::new(n)`: `Some` only for a non-zero `n`.
            if ty.starts_with("NonZero") && last == "new" {
                return Ty::Named("Option".into(), vec![Ty::NonZero]);
            }
            if is_smart_pointer(ty) && last == "new" {
                let inner = c.args.first().map_or(Ty::Unknown, |a| self.infer(a));
                return Ty::Named(ty.to_string(), vec![inner]);
            }
        }
        if matches!(last, "size_of" | "align_of" | "size_of_val") {
            return Ty::Int;
        }
        if let Some(f) = self.graph.resolve_path(self.f, &p.path, self.env, self.uses) {
            return self.resolver().return_ty(f);
        }
        api_result_kind(last)
    }

    fn method_ty(&self, m: &syn::ExprMethodCall) -> Ty {
        let name = m.method.to_string();
        match name.as_str() {
            "len" | "count" | "capacity" | "count_ones" | "count_zeros" | "leading_zeros" | "trailing_zeros" => Ty::Int,
            "cast" | "cast_mut" | "cast_const" => match m.turbofish.as_ref().and_then(|t| t.args.first()) {
                Some(syn::GenericArgument::Type(t)) => Ty::Ptr(Box::new(self.resolver().ty(t, self.self_ty()))),
                _ => Ty::Unknown,
            },
            "add" | "sub" | "offset" | "wrapping_add" | "wrapping_sub" | "wrapping_mul" | "saturating_add"
            | "saturating_sub" | "saturating_mul" | "abs" | "pow" | "min" | "max" | "clamp" | "rem_euclid"
            | "div_euclid" | "clone" | "to_owned" | "sqrt" | "floor" | "ceil" | "round" => {
                match self.infer(&m.receiver) {
                    ty @ (Ty::Ptr(_) | Ty::Int | Ty::Float) => ty,
                    Ty::Ref(inner) if matches!(*inner, Ty::Int | Ty::Float) => *inner,
                    _ => Ty::Unknown,
                }
            }
            "get" if self.infer(&m.receiver).peeled() == &Ty::NonZero => Ty::Int,
            _ => {
                let recv = self.infer(&m.receiver);
                self.resolver().method_on(&recv, &name).map_or(Ty::Unknown, |f| self.resolver().return_ty(f))
            }
        }
    }

    fn field_ty(&self, f: &syn::ExprField) -> Ty {
        let base = self.infer(&f.base);
        let base = match base.peeled() {
            Ty::Named(n, args) if is_smart_pointer(n) => args.first().cloned().unwrap_or(Ty::Unknown),
            other => other.clone(),
        };
        let Ty::Named(ty, _) = base.peeled() else { return Ty::Unknown };
        let field = match &f.member {
            syn::Member::Named(id) => id.to_string(),
            syn::Member::Unnamed(i) => i.index.to_string(),
        };
        self.resolver().field_ty(ty, &field)
    }
}

/// The tail expression of a plain or `unsafe` block (through parentheses), if it has one.
fn block_tail(expr: &syn::Expr) -> Option<&syn::Expr> {
    let block = match expr {
        syn::Expr::Paren(p) => return block_tail(&p.expr),
        syn::Expr::Group(g) => return block_tail(&g.expr),
        syn::Expr::Unsafe(u) => &u.block,
        syn::Expr::Block(b) if b.label.is_none() => &b.block,
        _ => return None,
    };
    match block.stmts.last()? {
        syn::Stmt::Expr(e, None) => Some(e),
        _ => None,
    }
}

/// The elements of a tuple expression, also as the tail of a block (`unsafe { (a, b) }`).
fn tuple_elems(expr: &syn::Expr) -> Option<&syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>> {
    match expr {
        syn::Expr::Tuple(t) => Some(&t.elems),
        syn::Expr::Paren(p) => tuple_elems(&p.expr),
        syn::Expr::Group(g) => tuple_elems(&g.expr),
        other => tuple_elems(block_tail(other)?),
    }
}

fn literal_ty(lit: &syn::Lit) -> Ty {
    match lit {
        syn::Lit::Int(i) => match i.suffix() {
            "f32" | "f64" => Ty::Float,
            _ => Ty::Int,
        },
        syn::Lit::Float(_) => Ty::Float,
        _ => Ty::Unknown,
    }
}

/// Walks one body in source order: binds locals as they appear and resolves calls.
struct Walker<'g, 'a> {
    graph: &'g CallGraph<'a>,
    f: usize,
    uses: &'g [UseBinding],
    /// Types of the bindings seen so far (the latest binding of each name).
    current: HashMap<String, Ty>,
    /// Every binding of the body, with where it is visible.
    locals: Locals,
    /// End offsets of the enclosing blocks, closures and arms, innermost last.
    scopes: Vec<usize>,
    /// Where bindings made now start to be visible.
    binding_start: usize,
    sites: Vec<CallSite>,
    generics: HashSet<String>,
    /// The type of the next closure's first parameter (`KEY.with(|c| ..)`).
    pending_param: Option<Ty>,
}

impl<'g, 'a> Walker<'g, 'a> {
    fn new(graph: &'g CallGraph<'a>, f: usize, uses: &'g [UseBinding]) -> Self {
        let generics =
            graph.resolver.fns[f].sig.generics.type_params().map(|p| p.ident.to_string()).collect::<HashSet<_>>();
        Walker {
            graph,
            f,
            uses,
            current: HashMap::new(),
            locals: Locals::default(),
            scopes: vec![usize::MAX],
            binding_start: 0,
            sites: Vec::new(),
            generics,
            pending_param: None,
        }
    }

    fn file(&self) -> &'a SourceFile {
        self.graph.file_of(self.f)
    }

    fn typer(&self) -> Typer<'_, 'a> {
        Typer { graph: self.graph, f: self.f, env: Env::Current(&self.current), uses: self.uses }
    }

    fn bind(&mut self, name: String, ty: Ty) {
        let ty = match &ty {
            Ty::Named(n, _) if self.generics.contains(n) => Ty::Unknown,
            _ => ty,
        };
        let end = self.scopes.last().copied().unwrap_or(usize::MAX);
        let binding = Binding { start: self.binding_start, end, ty: ty.clone() };
        self.locals.bindings.entry(name.clone()).or_default().push(binding);
        self.current.insert(name, ty);
    }

    fn bind_params(&mut self) {
        let item = &self.graph.resolver.fns[self.f];
        let self_ty = item.self_ty.as_deref().filter(|_| !is_trait_default(item));
        for input in &item.sig.inputs {
            match input {
                syn::FnArg::Receiver(r) => {
                    let ty = match (self_ty, r.colon_token.is_some()) {
                        (Some(_), true) => self.graph.resolver.ty(&r.ty, self_ty),
                        (Some(t), false) if r.reference.is_some() => Ty::Ref(Box::new(Ty::named(t))),
                        (Some(t), false) => Ty::named(t),
                        (None, _) => Ty::Unknown,
                    };
                    self.bind("self".into(), ty);
                }
                syn::FnArg::Typed(t) => {
                    let ty = self.graph.resolver.ty(&t.ty, self_ty);
                    self.bind_pat(&t.pat, ty);
                }
            }
        }
    }

    /// Bind the names of a pattern; only a plain `name` (or `&name`) gets `ty`.
    fn bind_pat(&mut self, pat: &syn::Pat, ty: Ty) {
        match pat {
            syn::Pat::Ident(p) if p.subpat.is_none() => self.bind(p.ident.to_string(), ty),
            syn::Pat::Type(t) => {
                let declared = self.graph.resolver.ty(&t.ty, self.typer().self_ty());
                self.bind_pat(&t.pat, declared);
            }
            syn::Pat::Reference(r) => {
                let inner = match ty {
                    Ty::Ref(t) => *t,
                    _ => Ty::Unknown,
                };
                self.bind_pat(&r.pat, inner);
            }
            syn::Pat::Paren(p) => self.bind_pat(&p.pat, ty),
            // `Some(x)` / `Ok(x)` of an `Option<T>` / `Result<T, _>`: `x` is a `T`.
            syn::Pat::TupleStruct(ts) if ts.elems.len() == 1 => {
                let variant = syntax::last_segment(&ts.path).unwrap_or_default();
                let inner = match ty {
                    Ty::Named(n, mut args)
                        if !args.is_empty()
                            && ((n == "Option" && variant == "Some") || (n == "Result" && variant == "Ok")) =>
                    {
                        args.swap_remove(0)
                    }
                    _ => Ty::Unknown,
                };
                self.bind_pat(&ts.elems[0], inner);
            }
            other => {
                let mut names = PatNames(Vec::new());
                names.visit_pat(other);
                for n in names.0 {
                    self.bind(n, Ty::Unknown);
                }
            }
        }
    }

    fn record(&mut self, callee: usize, range: Range<usize>, kind: CallKind) {
        self.sites.push(CallSite { callee, range, kind });
    }

    /// Arguments that name a crate function are calls made by the callee (`map(parse)`).
    fn record_references<'x>(&mut self, args: impl Iterator<Item = &'x syn::Expr>) {
        for arg in args {
            if let syn::Expr::Path(p) = arg {
                if let Some(callee) = self.graph.resolve_path(self.f, &p.path, Env::Current(&self.current), self.uses) {
                    self.record(callee, path_range(self.file(), &p.path), CallKind::Reference);
                }
            }
        }
    }

    /// `KEY.with(|c| ..)`: the closure's parameter is a reference to the key's value.
    fn bind_with_closure(&mut self, m: &syn::ExprMethodCall) {
        let method = m.method.to_string();
        if !matches!(method.as_str(), "with" | "with_borrow" | "with_borrow_mut") {
            return;
        }
        let syn::Expr::Path(key) = &*m.receiver else { return };
        let Some(name) = syntax::last_segment(&key.path) else { return };
        let static_ty = self.graph.resolver.static_ty(&name);
        let param_ty = match (method.as_str(), &static_ty) {
            ("with", Ty::Unknown) => return,
            ("with", _) => Ty::Ref(Box::new(static_ty)),
            _ => Ty::Unknown,
        };
        if matches!(m.args.first(), Some(syn::Expr::Closure(_))) {
            self.pending_param = Some(param_ty);
        }
    }
}

struct PatNames(Vec<String>);

impl<'ast> Visit<'ast> for PatNames {
    fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
        self.0.push(p.ident.to_string());
        syn::visit::visit_pat_ident(self, p);
    }
}

/// Whether a statement is compiled only for tests.
pub fn stmt_is_cfg_test(stmt: &syn::Stmt) -> bool {
    match stmt {
        syn::Stmt::Local(l) => syntax::is_cfg_test(&l.attrs),
        syn::Stmt::Macro(m) => syntax::is_cfg_test(&m.attrs),
        syn::Stmt::Expr(e, _) => expr_attrs(e).is_some_and(syntax::is_cfg_test),
        syn::Stmt::Item(_) => false,
    }
}

fn expr_attrs(e: &syn::Expr) -> Option<&[syn::Attribute]> {
    use syn::Expr;
    Some(match e {
        Expr::Block(b) => &b.attrs,
        Expr::Call(c) => &c.attrs,
        Expr::MethodCall(m) => &m.attrs,
        Expr::If(i) => &i.attrs,
        Expr::Match(m) => &m.attrs,
        Expr::Unsafe(u) => &u.attrs,
        Expr::Macro(m) => &m.attrs,
        Expr::Assign(a) => &a.attrs,
        Expr::ForLoop(f) => &f.attrs,
        _ => return None,
    })
}

impl<'ast> Visit<'ast> for Walker<'_, '_> {
    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_stmt(&mut self, stmt: &'ast syn::Stmt) {
        if !stmt_is_cfg_test(stmt) {
            syn::visit::visit_stmt(self, stmt);
        }
    }

    fn visit_block(&mut self, block: &'ast syn::Block) {
        let end = self.file().range(block.brace_token.span.close()).end;
        self.scopes.push(end);
        syn::visit::visit_block(self, block);
        self.scopes.pop();
    }

    fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
        self.visit_expr(&m.expr);
        // Arm bindings: visible from the arms' opening brace to the match's end.
        let open = self.file().range(m.brace_token.span.open()).start;
        let close = self.file().range(m.brace_token.span.close()).end;
        self.scopes.push(close);
        for arm in &m.arms {
            self.binding_start = open;
            self.visit_arm(arm);
        }
        self.scopes.pop();
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        let mut ty = Ty::Unknown;
        if let Some(init) = &local.init {
            self.visit_expr(&init.expr);
            if let Some((_, diverge)) = &init.diverge {
                self.visit_expr(diverge);
            }
            ty = self.typer().infer(&init.expr);
        }
        self.binding_start = match &local.init {
            Some(init) => self.file().range(expr_end(&init.expr)).end,
            None => self.file().range(local.semi_token.span).end,
        };
        match (&local.pat, local.init.as_ref().and_then(|i| tuple_elems(&i.expr))) {
            // `let (a, b) = unsafe { (f(x), g(y)) };`: each name gets its element's type.
            (syn::Pat::Tuple(pats), Some(elems)) if pats.elems.len() == elems.len() => {
                let tys: Vec<Ty> = elems.iter().map(|e| self.typer().infer(e)).collect();
                for (pat, ty) in pats.elems.iter().zip(tys) {
                    self.bind_pat(pat, ty);
                }
            }
            _ => self.bind_pat(&local.pat, ty),
        }
    }

    fn visit_expr_let(&mut self, l: &'ast syn::ExprLet) {
        self.visit_expr(&l.expr);
        self.binding_start = self.file().range(expr_end(&l.expr)).end;
        // `if let Some(n) = NonZeroU32::new(x)`: a typed scrutinee types the binding.
        match self.typer().infer(&l.expr) {
            Ty::Unknown => self.visit_pat(&l.pat),
            ty => self.bind_pat(&l.pat, ty),
        }
    }

    fn visit_expr_closure(&mut self, c: &'ast syn::ExprClosure) {
        let start = self.file().range(c.or1_token.span).start;
        self.scopes.push(self.file().range(expr_end(&c.body)).end);
        self.binding_start = start;
        let mut first = self.pending_param.take();
        for input in &c.inputs {
            self.bind_pat(input, first.take().unwrap_or(Ty::Unknown));
        }
        self.visit_expr(&c.body);
        self.scopes.pop();
    }

    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.visit_expr(&f.expr);
        let elem = match &*f.expr {
            syn::Expr::Range(r) => {
                let bound = |e: &Option<Box<syn::Expr>>| e.as_ref().map_or(Ty::Unknown, |e| self.typer().infer(e));
                match bound(&r.start).numeric() {
                    Ty::Unknown => bound(&r.end).numeric(),
                    known => known,
                }
            }
            _ => Ty::Unknown,
        };
        let enumerate = matches!(&*f.expr, syn::Expr::MethodCall(m) if m.method == "enumerate");
        self.binding_start = self.file().range(f.body.brace_token.span.open()).start;
        self.scopes.push(self.file().range(f.body.brace_token.span.close()).end);
        match &*f.pat {
            syn::Pat::Tuple(t) if enumerate && t.elems.len() == 2 => {
                self.bind_pat(&t.elems[0], Ty::Int);
                self.bind_pat(&t.elems[1], Ty::Unknown);
            }
            pat => self.bind_pat(pat, elem),
        }
        self.scopes.pop();
        self.visit_block(&f.body);
    }

    fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
        // Bindings of `match` arms, `if let` and `while let`: present, type unknown.
        self.bind(p.ident.to_string(), Ty::Unknown);
        syn::visit::visit_pat_ident(self, p);
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        match &*call.func {
            syn::Expr::Path(p) => {
                if let Some(callee) = self.graph.resolve_path(self.f, &p.path, Env::Current(&self.current), self.uses) {
                    self.record(callee, path_range(self.file(), &p.path), CallKind::Call);
                }
            }
            other => self.visit_expr(other),
        }
        self.record_references(call.args.iter());
        for arg in &call.args {
            self.visit_expr(arg);
        }
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        self.visit_expr(&m.receiver);
        let recv = self.typer().infer(&m.receiver);
        let generic = matches!(recv.peeled(), Ty::Named(n, _) if self.generics.contains(n));
        if !generic {
            if let Some(callee) = self.graph.resolver.method_on(&recv, &m.method.to_string()) {
                self.record(callee, self.file().range(m.method.span()), CallKind::Method);
            }
        }
        self.bind_with_closure(m);
        self.record_references(m.args.iter());
        for arg in &m.args {
            self.visit_expr(arg);
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // Parse the body only when it can name a crate function.
        let resolver = &self.graph.resolver;
        if !syntax::tokens_mention(&mac.tokens, |id| resolver.may_name_fn(id, self.uses)) {
            return;
        }
        if let Some(exprs) = syntax::macro_exprs(mac) {
            for e in &exprs {
                self.visit_expr(e);
            }
        }
    }
}
