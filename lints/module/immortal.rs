//! Statics that only ever point at objects no interpreter owns: the immortal
//! singletons (`Py_None()`, `Py_True()`) and static types (`&raw mut
//! PyUnicode_Type`, the `ob_type` of a `str` just made). A cache of those is
//! not per-module state gone global, so MD004 leaves it alone (orjson's
//! `typeref.rs` keeps twelve such pointers).

use std::collections::{HashMap, HashSet};

use syn::visit::Visit;

use crate::flow::place::peel;
use crate::source::SourceFile;
use crate::syntax;

/// Functions returning an immortal object.
const IMMORTAL_CALLS: &[&str] =
    &["Py_None", "Py_True", "Py_False", "Py_Ellipsis", "Py_NotImplemented", "Py_GetConstant", "Py_GetConstantBorrowed"];

/// The immortal singletons' structs, whose address is the object.
const SINGLETON_STRUCTS: &[&str] =
    &["_Py_NoneStruct", "_Py_TrueStruct", "_Py_FalseStruct", "_Py_NotImplementedStruct", "_Py_EllipsisObject"];

/// Constructors whose result's type is a static built-in type (`str`, `dict`, ...).
const BUILTIN_CONSTRUCTOR_PREFIXES: &[&str] = &[
    "PyUnicode_",
    "PyBytes_",
    "PyByteArray_",
    "PyLong_From",
    "PyFloat_From",
    "PyBool_From",
    "PyComplex_From",
    "PyDict_New",
    "PyList_New",
    "PyTuple_New",
    "PySet_New",
    "PyFrozenSet_New",
    "PySlice_New",
];

/// What one assignment to a static stores.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stored {
    /// An immortal singleton or a static type.
    Immortal,
    /// Another static: immortal when that one is.
    Static,
    /// NULL, `None`, an empty cell: nothing yet.
    Nothing,
    /// Anything else: an object made at run time, or something the checker cannot tell.
    Other,
}

/// The statics of a crate whose every stored value is immortal or a static type.
pub fn immortal_statics(files: &[SourceFile]) -> HashSet<String> {
    let mut stores = Stores { statics: HashSet::new(), builtin_locals: HashMap::new(), stored: HashMap::new() };
    for file in files {
        stores.collect_statics(&file.ast.items);
    }
    for file in files {
        stores.visit_file(&file.ast);
    }
    // Statics assigned from other statics: settle them, one level at a time.
    let mut immortal: HashSet<String> = HashSet::new();
    loop {
        let before = immortal.len();
        for (name, values) in &stores.stored {
            let mut any = false;
            let all_ok = values.iter().all(|(kind, source)| match kind {
                Stored::Immortal => {
                    any = true;
                    true
                }
                Stored::Static => {
                    any = true;
                    source.as_ref().is_some_and(|s| immortal.contains(s))
                }
                Stored::Nothing => true,
                Stored::Other => false,
            });
            if any && all_ok {
                immortal.insert(name.clone());
            }
        }
        if immortal.len() == before {
            return immortal;
        }
    }
}

struct Stores {
    statics: HashSet<String>,
    /// Locals of the current function bound to a new built-in object
    /// (`let unicode = PyUnicode_New(0, 255)`); `false` once rebound to anything else.
    builtin_locals: HashMap<String, bool>,
    /// Per static: each stored value's kind, and for [`Stored::Static`] the static it copies.
    stored: HashMap<String, Vec<(Stored, Option<String>)>>,
}

impl Stores {
    fn collect_statics(&mut self, items: &[syn::Item]) {
        for item in items {
            match item {
                syn::Item::Static(s) => {
                    self.statics.insert(s.ident.to_string());
                }
                syn::Item::Mod(m) => {
                    if let Some((_, inner)) = &m.content {
                        self.collect_statics(inner);
                    }
                }
                _ => {}
            }
        }
    }

    fn record(&mut self, name: String, value: &syn::Expr) {
        let entry = self.classify(value);
        self.stored.entry(name).or_default().push(entry);
    }

    /// The static an expression names (`NONE`, `crate::typeref::NONE`), if any.
    fn static_named(&self, e: &syn::Expr) -> Option<String> {
        let syn::Expr::Path(p) = peel(e) else { return None };
        let name = syntax::last_segment(&p.path)?;
        self.statics.contains(&name).then_some(name)
    }

    fn is_builtin_local(&self, e: &syn::Expr) -> bool {
        let syn::Expr::Path(p) = e else { return false };
        p.path.get_ident().is_some_and(|id| self.builtin_locals.get(&id.to_string()) == Some(&true))
    }

    fn classify(&self, value: &syn::Expr) -> (Stored, Option<String>) {
        let value = strip_casts(value);
        if is_nothing(value) {
            return (Stored::Nothing, None);
        }
        if is_immortal(value) {
            return (Stored::Immortal, None);
        }
        if let Some(object) = type_of(value) {
            let object = strip_casts(object);
            if is_immortal(object) || is_builtin_constructor_call(object) || self.is_builtin_local(object) {
                return (Stored::Immortal, None);
            }
            // The type of an immortal object is a static type.
            if let Some(name) = self.static_named(object) {
                return (Stored::Static, Some(name));
            }
            return (Stored::Other, None);
        }
        if let Some(name) = self.static_named(value) {
            return (Stored::Static, Some(name));
        }
        (Stored::Other, None)
    }
}

impl<'ast> Visit<'ast> for Stores {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        let outer = std::mem::take(&mut self.builtin_locals);
        syn::visit::visit_item_fn(self, f);
        self.builtin_locals = outer;
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        let outer = std::mem::take(&mut self.builtin_locals);
        syn::visit::visit_impl_item_fn(self, f);
        self.builtin_locals = outer;
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        let name = match &local.pat {
            syn::Pat::Ident(id) => Some(id.ident.to_string()),
            syn::Pat::Type(t) => match &*t.pat {
                syn::Pat::Ident(id) => Some(id.ident.to_string()),
                _ => None,
            },
            _ => None,
        };
        if let Some(name) = name {
            let builtin = local.init.as_ref().is_some_and(|init| is_builtin_constructor_call(strip_casts(&init.expr)));
            let entry = self.builtin_locals.entry(name).or_insert(builtin);
            *entry &= builtin;
        }
        syn::visit::visit_local(self, local);
    }

    fn visit_item_static(&mut self, s: &'ast syn::ItemStatic) {
        let name = s.ident.to_string();
        self.record(name, &s.expr);
        syn::visit::visit_item_static(self, s);
    }

    fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
        if let Some(name) = self.static_named(&a.left) {
            self.record(name, &a.right);
        }
        syn::visit::visit_expr_assign(self, a);
    }

    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        let method = m.method.to_string();
        if let Some(name) = self.static_named(&m.receiver) {
            let stores = matches!(method.as_str(), "write" | "set" | "store" | "swap" | "replace" | "get_or_init");
            if let (true, Some(arg)) = (stores, m.args.first()) {
                let value = match peel(arg) {
                    syn::Expr::Closure(c) => &*c.body,
                    other => other,
                };
                self.record(name, value);
            }
        }
        syn::visit::visit_expr_method_call(self, m);
    }
}

/// Strip casts and `.cast()`: `Py_None() as *mut PyObject` stores the same pointer.
fn strip_casts(e: &syn::Expr) -> &syn::Expr {
    match peel(e) {
        syn::Expr::Cast(c) => strip_casts(&c.expr),
        syn::Expr::MethodCall(m)
            if m.args.is_empty() && matches!(m.method.to_string().as_str(), "cast" | "cast_mut") =>
        {
            strip_casts(&m.receiver)
        }
        // `Some(x)`, `NonNull::new_unchecked(x)`, `AtomicPtr::new(x)`: the pointer inside.
        syn::Expr::Call(c)
            if c.args.len() == 1
                && syntax::call_name(c)
                    .is_some_and(|n| matches!(n.as_str(), "Some" | "new" | "new_unchecked" | "from")) =>
        {
            strip_casts(&c.args[0])
        }
        other => other,
    }
}

/// NULL, `None`, `0 as _`, an empty cell (`OnceLock::new()`, `Default::default()`).
fn is_nothing(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Path(p) => syntax::last_segment(&p.path).as_deref() == Some("None"),
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) => i.base10_digits() == "0",
        syn::Expr::Call(c) => {
            c.args.is_empty()
                && syntax::call_name(c).is_some_and(|n| matches!(n.as_str(), "null_mut" | "null" | "new" | "default"))
        }
        _ => false,
    }
}

/// `Py_None()`, `&raw mut PyUnicode_Type`, `addr_of_mut!(_Py_NoneStruct)`, `&mut MyType_Type`.
fn is_immortal(e: &syn::Expr) -> bool {
    match e {
        syn::Expr::Call(c) => c.args.is_empty() && syntax::call_name(c).is_some_and(|n| IMMORTAL_CALLS.contains(&&*n)),
        syn::Expr::RawAddr(r) => is_static_object_path(&r.expr),
        syn::Expr::Reference(r) => is_static_object_path(&r.expr),
        syn::Expr::Macro(m) if matches!(syntax::macro_name(&m.mac).as_str(), "addr_of" | "addr_of_mut") => {
            m.mac.parse_body::<syn::Expr>().is_ok_and(|inner| is_static_object_path(&inner))
        }
        _ => false,
    }
}

/// A static type object (`PyUnicode_Type`, the crate's `Foo_Type`) or a singleton's struct.
fn is_static_object_path(e: &syn::Expr) -> bool {
    let syn::Expr::Path(p) = peel(e) else { return false };
    syntax::last_segment(&p.path).is_some_and(|n| n.ends_with("_Type") || SINGLETON_STRUCTS.contains(&n.as_str()))
}

/// The object whose type `e` reads: `(*o).ob_type`, `Py_TYPE(o)`.
fn type_of(e: &syn::Expr) -> Option<&syn::Expr> {
    match e {
        syn::Expr::Field(f) if matches!(&f.member, syn::Member::Named(n) if n == "ob_type") => match peel(&f.base) {
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => Some(&*u.expr),
            _ => None,
        },
        syn::Expr::Call(c) if c.args.len() == 1 && syntax::call_name(c).as_deref() == Some("Py_TYPE") => {
            Some(&c.args[0])
        }
        _ => None,
    }
}

/// `PyUnicode_New(0, 255)`, `PyDict_New()`: an object of a static built-in type.
fn is_builtin_constructor_call(e: &syn::Expr) -> bool {
    let syn::Expr::Call(c) = e else { return false };
    syntax::call_name(c).is_some_and(|n| BUILTIN_CONSTRUCTOR_PREFIXES.iter().any(|prefix| n.starts_with(prefix)))
}
