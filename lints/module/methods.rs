//! MD001: a `PyMethodDef`'s `ml_flags` against the callback it registers.
//!
//! CPython calls `ml_meth` through the function-pointer type its flags name,
//! whatever type the Rust code gave it (a `transmute` or a union variant hides
//! the difference from the compiler). The callback's own signature, when the
//! crate defines it, is the truth; otherwise the type the entry names
//! (`PyMethodDefPointer { PyCFunctionWithKeywords: f }`, `f as PyCFunctionFast`).

use syn::spanned::Spanned;

use super::{items::Items, peel, Walker};
use crate::diagnostic::Diagnostic;
use crate::index::FnItem;
use crate::syntax;

const METH_VARARGS: u32 = 0x1;
const METH_KEYWORDS: u32 = 0x2;
const METH_NOARGS: u32 = 0x4;
const METH_O: u32 = 0x8;
const METH_CLASS: u32 = 0x10;
const METH_STATIC: u32 = 0x20;
const METH_COEXIST: u32 = 0x40;
const METH_FASTCALL: u32 = 0x80;
const METH_METHOD: u32 = 0x200;

/// In the order flags are usually written (`METH_FASTCALL | METH_KEYWORDS | METH_CLASS`).
const FLAG_NAMES: &[(&str, u32)] = &[
    ("METH_METHOD", METH_METHOD),
    ("METH_FASTCALL", METH_FASTCALL),
    ("METH_VARARGS", METH_VARARGS),
    ("METH_NOARGS", METH_NOARGS),
    ("METH_O", METH_O),
    ("METH_KEYWORDS", METH_KEYWORDS),
    ("METH_CLASS", METH_CLASS),
    ("METH_STATIC", METH_STATIC),
    ("METH_COEXIST", METH_COEXIST),
    ("METH_STACKLESS", 0),
];

/// The bits that choose the calling convention (CPython's `PyCMethod_New` switch).
const CONVENTION_MASK: u32 = METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O | METH_KEYWORDS | METH_METHOD;

/// How CPython calls a method, from its flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Convention {
    NoArgs,
    O,
    VarArgs,
    VarArgsKeywords,
    Fast,
    FastKeywords,
    Method,
}

impl Convention {
    fn from_bits(bits: u32) -> Option<Convention> {
        Some(match bits & CONVENTION_MASK {
            METH_NOARGS => Convention::NoArgs,
            METH_O => Convention::O,
            METH_VARARGS => Convention::VarArgs,
            b if b == METH_VARARGS | METH_KEYWORDS => Convention::VarArgsKeywords,
            METH_FASTCALL => Convention::Fast,
            b if b == METH_FASTCALL | METH_KEYWORDS => Convention::FastKeywords,
            b if b == METH_METHOD | METH_FASTCALL | METH_KEYWORDS => Convention::Method,
            _ => return None,
        })
    }

    fn arity(self) -> usize {
        match self {
            Convention::NoArgs | Convention::O | Convention::VarArgs => 2,
            Convention::VarArgsKeywords | Convention::Fast => 3,
            Convention::FastKeywords => 4,
            Convention::Method => 5,
        }
    }

    /// Whether the arguments arrive as a C array (`*const *mut PyObject`) in the second parameter.
    fn vector(self) -> bool {
        matches!(self, Convention::Fast | Convention::FastKeywords)
    }

    fn params(self) -> &'static str {
        match self {
            Convention::NoArgs => "`(self, NULL)`",
            Convention::O => "`(self, arg)`",
            Convention::VarArgs => "`(self, args)`",
            Convention::VarArgsKeywords => "`(self, args, kwargs)`",
            Convention::Fast => "`(self, args, nargs)`",
            Convention::FastKeywords => "`(self, args, nargs, kwnames)`",
            Convention::Method => "`(self, defining_class, args, nargs, kwnames)`",
        }
    }
}

/// What a callback looks like: its parameter count and whether its second
/// parameter is an argument vector (`None`: cannot tell).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    arity: usize,
    vector: Option<bool>,
}

impl Shape {
    fn of_sig(sig: &syn::Signature) -> Shape {
        let types: Vec<&syn::Type> = sig
            .inputs
            .iter()
            .filter_map(|arg| match arg {
                syn::FnArg::Typed(t) => Some(&*t.ty),
                syn::FnArg::Receiver(_) => None,
            })
            .collect();
        Shape::of_params(&types, sig.inputs.len())
    }

    fn of_params(types: &[&syn::Type], arity: usize) -> Shape {
        let vector = types.get(1).and_then(|t| vector_param(t));
        Shape { arity, vector }
    }

    /// The shape a named function-pointer type stands for.
    fn of_type_name(name: &str) -> Option<Shape> {
        let (arity, vector) = match name {
            "PyCFunction" => (2, None),
            "PyCFunctionWithKeywords" => (3, Some(false)),
            "PyCFunctionFast" | "_PyCFunctionFast" => (3, Some(true)),
            "PyCFunctionFastWithKeywords" | "_PyCFunctionFastWithKeywords" => (4, Some(true)),
            "PyCMethod" => (5, None),
            _ => return None,
        };
        Some(Shape { arity, vector })
    }

    /// The shape of a function-pointer type: a known alias or an `extern "C" fn(..)` type.
    fn of_type(ty: &syn::Type) -> Option<Shape> {
        match ty {
            syn::Type::Path(p) => Shape::of_type_name(&syntax::last_segment(&p.path)?),
            syn::Type::BareFn(f) => {
                let types: Vec<&syn::Type> = f.inputs.iter().map(|a| &a.ty).collect();
                Some(Shape::of_params(&types, types.len()))
            }
            syn::Type::Paren(p) => Shape::of_type(&p.elem),
            syn::Type::Group(g) => Shape::of_type(&g.elem),
            _ => None,
        }
    }

    fn fits(self, conv: Convention) -> bool {
        self.arity == conv.arity() && (conv.arity() == 2 || conv.arity() == 5 || self.vector != Some(!conv.vector()))
    }

    /// The flags that would match this shape.
    fn matching_flags(self) -> &'static [&'static str] {
        match (self.arity, self.vector) {
            (2, _) => &["METH_NOARGS", "METH_O", "METH_VARARGS"],
            (3, Some(true)) => &["METH_FASTCALL"],
            (3, Some(false)) => &["METH_VARARGS | METH_KEYWORDS"],
            (3, None) => &["METH_VARARGS | METH_KEYWORDS", "METH_FASTCALL"],
            (4, _) => &["METH_FASTCALL | METH_KEYWORDS"],
            (5, _) => &["METH_METHOD | METH_FASTCALL | METH_KEYWORDS"],
            _ => &[],
        }
    }
}

/// Whether a parameter type is an argument vector (`*const *mut PyObject`),
/// a single object (`*mut PyObject`), or something else (`None`).
fn vector_param(ty: &syn::Type) -> Option<bool> {
    match ty {
        syn::Type::Ptr(p) => match &*p.elem {
            syn::Type::Ptr(inner) if syntax::is_object_type(&inner.elem) => Some(true),
            elem if syntax::is_object_type(elem) => Some(false),
            _ => None,
        },
        syn::Type::Paren(p) => vector_param(&p.elem),
        syn::Type::Group(g) => vector_param(&g.elem),
        _ => None,
    }
}

/// The value of a flags expression: `METH_VARARGS | METH_KEYWORDS`, `ffi::METH_O`,
/// `0x0080`, `(METH_FASTCALL | METH_KEYWORDS) as c_int`, or a crate `const`.
fn flag_bits(expr: &syn::Expr, items: &Items<'_>, depth: usize) -> Option<u32> {
    match peel(expr) {
        syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::BitOr(_)) => {
            Some(flag_bits(&b.left, items, depth)? | flag_bits(&b.right, items, depth)?)
        }
        syn::Expr::Cast(c) => flag_bits(&c.expr, items, depth),
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) => i.base10_parse().ok(),
        syn::Expr::Path(p) => {
            let name = syntax::last_segment(&p.path)?;
            if let Some(&(_, bits)) = FLAG_NAMES.iter().find(|(n, _)| *n == name) {
                return Some(bits);
            }
            let value = (p.path.segments.len() == 1 && depth < 4).then(|| items.value(&name)).flatten()?;
            flag_bits(value.expr, items, depth + 1)
        }
        _ => None,
    }
}

/// Whether an expression names a `METH_*` constant somewhere.
fn mentions_meth(expr: &syn::Expr) -> bool {
    syntax::expr_text(expr).contains("METH_")
}

/// `METH_A | METH_B`, from bits.
fn flag_text(bits: u32) -> String {
    let names: Vec<&str> = FLAG_NAMES.iter().filter(|(_, b)| *b != 0 && bits & b != 0).map(|(n, _)| *n).collect();
    if names.is_empty() {
        format!("{bits:#x}")
    } else {
        names.join(" | ")
    }
}

/// The modifier flags of `bits`, as ` | METH_CLASS` to append to a suggestion.
fn modifier_text(bits: u32) -> String {
    let modifiers = bits & (METH_CLASS | METH_STATIC | METH_COEXIST);
    if modifiers == 0 {
        String::new()
    } else {
        format!(" | {}", flag_text(modifiers))
    }
}

/// The function path an `ml_meth` expression registers (`f`, `Self::f`,
/// `Some(f)`, `transmute(f as ..)`), when it names exactly one.
fn callback_path(expr: &syn::Expr) -> Option<&syn::ExprPath> {
    struct Paths<'e>(Vec<&'e syn::ExprPath>);
    impl<'e> syn::visit::Visit<'e> for Paths<'e> {
        fn visit_expr_path(&mut self, p: &'e syn::ExprPath) {
            if let Some(name) = syntax::last_segment(&p.path) {
                let constant = name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
                if !constant && name != "None" {
                    self.0.push(p);
                }
            }
        }
        fn visit_expr_call(&mut self, call: &'e syn::ExprCall) {
            for arg in &call.args {
                self.visit_expr(arg);
            }
        }
        fn visit_expr_method_call(&mut self, call: &'e syn::ExprMethodCall) {
            self.visit_expr(&call.receiver);
        }
        fn visit_type(&mut self, _: &'e syn::Type) {}
    }
    let mut paths = Paths(Vec::new());
    syn::visit::Visit::visit_expr(&mut paths, expr);
    match paths.0.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// What the callback of an entry is known to be.
enum Callback<'f, 'a> {
    /// Defined in the crate as a C-ABI function.
    Visible(&'f FnItem<'a>),
    /// Not defined in the crate; the entry names its type.
    Written { shape: Shape, name: String, span: proc_macro2::Span },
}

fn resolve_callback<'f, 'a>(w: &Walker<'f, 'a>, meth: &syn::Expr, path: &syn::ExprPath) -> Option<Callback<'f, 'a>> {
    let name = syntax::last_segment(&path.path)?;
    let qualifier = path.path.segments.iter().rev().nth(1).map(|s| s.ident.to_string());
    let all: Vec<&FnItem<'a>> = w.cx.index.fns_named(&name).collect();
    let mut candidates: Vec<&FnItem<'a>> = all
        .iter()
        .copied()
        .filter(|f| syntax::extern_abi(f.sig).is_some())
        .filter(|f| match &qualifier {
            Some(q) if q.starts_with(char::is_uppercase) && q != "Self" => f.self_ty.as_deref() == Some(q.as_str()),
            Some(q) if q == "Self" => f.self_ty.is_some(),
            _ => f.self_ty.is_none(),
        })
        .collect();
    // `point::new`: prefer the function of that module.
    if let Some(q) = qualifier.as_deref().filter(|q| q.starts_with(char::is_lowercase)) {
        if candidates.iter().any(|f| f.module.last().map(String::as_str) == Some(q)) {
            candidates.retain(|f| f.module.last().map(String::as_str) == Some(q));
        }
    }
    if let Some(first) = candidates.first() {
        let shape = Shape::of_sig(first.sig);
        return candidates.iter().all(|f| Shape::of_sig(f.sig) == shape).then_some(Callback::Visible(first));
    }
    if !all.is_empty() {
        // A Rust-ABI function of that name: something generates the C wrapper; stay out of it.
        return None;
    }
    let (ty_name, shape, span) = written_type(meth)?;
    Some(Callback::Written { shape, name: ty_name, span })
}

/// The function-pointer type an entry gives its callback: the source type of a
/// `transmute` or cast, else the `PyMethodDefPointer` variant.
fn written_type(meth: &syn::Expr) -> Option<(String, Shape, proc_macro2::Span)> {
    let inner = match peel(meth) {
        syn::Expr::Call(c) if call_is(c, "Some") && c.args.len() == 1 => &c.args[0],
        other => other,
    };
    if let syn::Expr::Struct(s) = peel(inner) {
        if syntax::last_segment(&s.path).as_deref() == Some("PyMethodDefPointer") && s.fields.len() == 1 {
            let field = &s.fields[0];
            if contains_transmute(&field.expr) || matches!(peel(&field.expr), syn::Expr::Cast(_)) {
                return source_type(&field.expr);
            }
            let syn::Member::Named(variant) = &field.member else { return None };
            let name = variant.to_string();
            return Shape::of_type_name(&name).map(|shape| (name, shape, variant.span()));
        }
    }
    source_type(inner)
}

fn call_is(call: &syn::ExprCall, name: &str) -> bool {
    syntax::call_name(call).as_deref() == Some(name)
}

fn contains_transmute(expr: &syn::Expr) -> bool {
    let text = syntax::expr_text(expr);
    text.contains("transmute")
}

/// The function-pointer type a value had before a `transmute` or pointer cast hid it.
fn source_type(expr: &syn::Expr) -> Option<(String, Shape, proc_macro2::Span)> {
    match peel(expr) {
        syn::Expr::Call(c) if (call_is(c, "transmute") || call_is(c, "transmute_copy")) && c.args.len() == 1 => {
            let turbofish = match &*c.func {
                syn::Expr::Path(p) => p.path.segments.last().and_then(|s| match &s.arguments {
                    syn::PathArguments::AngleBracketed(args) => args.args.first(),
                    _ => None,
                }),
                _ => None,
            };
            if let Some(syn::GenericArgument::Type(ty)) = turbofish {
                if let Some(shape) = Shape::of_type(ty) {
                    return Some((syntax::tokens_text(ty), shape, ty.span()));
                }
            }
            source_type(&c.args[0])
        }
        syn::Expr::Call(c) if call_is(c, "Some") && c.args.len() == 1 => source_type(&c.args[0]),
        syn::Expr::Cast(c) => match Shape::of_type(&c.ty) {
            Some(shape) => Some((syntax::tokens_text(&*c.ty), shape, c.ty.span())),
            None => source_type(&c.expr),
        },
        _ => None,
    }
}

/// Check a `PyMethodDef { .. }` literal.
pub(super) fn check_struct_entry(w: &mut Walker<'_, '_>, lit: &syn::ExprStruct) {
    let field = |name: &str| {
        lit.fields.iter().find_map(|f| match &f.member {
            syn::Member::Named(id) if id == name => Some(&f.expr),
            _ => None,
        })
    };
    let (Some(flags), Some(meth)) = (field("ml_flags"), field("ml_meth")) else { return };
    check_entry(w, flags, meth);
}

/// Check a helper call or macro that builds an entry from a flags argument and
/// a callback argument: `method_def(c"f", f, METH_O, doc)`, `method!(..)`.
pub(super) fn check_call_entry<'e>(w: &mut Walker<'_, '_>, args: impl Iterator<Item = &'e syn::Expr>, callee: &str) {
    // C-API functions (`PyCFunction_NewEx`) take no flags; only entry builders do.
    let last = callee.rsplit("::").next().unwrap_or(callee);
    if last.starts_with("Py") || last.starts_with("_Py") {
        return;
    }
    let args: Vec<&syn::Expr> = args.collect();
    let flags: Vec<&&syn::Expr> = args
        .iter()
        .filter(|a| syntax::is_constant_shaped(peel(a)) && mentions_meth(a) && flag_bits(a, w.items, 0).is_some())
        .collect();
    let [flags] = flags.as_slice() else { return };
    let meths: Vec<&&syn::Expr> = args
        .iter()
        .filter(|a| {
            !std::ptr::eq(**a, **flags)
                && callback_path(a)
                    .and_then(|p| syntax::last_segment(&p.path))
                    .is_some_and(|n| w.cx.index.fns_named(&n).any(|f| syntax::extern_abi(f.sig).is_some()))
        })
        .collect();
    let [meth] = meths.as_slice() else { return };
    check_entry(w, flags, meth);
}

fn check_entry(w: &mut Walker<'_, '_>, flags: &syn::Expr, meth: &syn::Expr) {
    let Some(bits) = flag_bits(flags, w.items, 0) else { return };
    let Some(path) = callback_path(meth) else { return };
    let Some(callback) = resolve_callback(w, meth, path) else { return };
    let file = w.file;
    let flags_range = file.range(flags.span());
    let flag_names = flag_text(bits);

    if bits & METH_CLASS != 0 && bits & METH_STATIC != 0 {
        w.out.push(
            Diagnostic::new(
                "MD001",
                file.path(),
                flags_range,
                format!("`{flag_names}` makes the method both a class method and a static method"),
            )
            .with_primary_label("CPython raises `ValueError` when it builds the type")
            .with_help("keep one of `METH_CLASS` and `METH_STATIC`"),
        );
        return;
    }
    let Some(conv) = Convention::from_bits(bits) else {
        w.out.push(
            Diagnostic::new(
                "MD001",
                file.path(),
                flags_range,
                format!("`{flag_names}` is not a calling convention CPython accepts"),
            )
            .with_primary_label("CPython raises `SystemError: bad call flags` when it creates the method")
            .with_help(
                "use exactly one of `METH_NOARGS`, `METH_O`, `METH_VARARGS`, `METH_VARARGS | METH_KEYWORDS`, \
                 `METH_FASTCALL`, `METH_FASTCALL | METH_KEYWORDS` or `METH_METHOD | METH_FASTCALL | METH_KEYWORDS`, \
                 optionally with `METH_CLASS`, `METH_STATIC` or `METH_COEXIST`",
            ),
        );
        return;
    };

    let (shape, name, label_path, label_range, label) = match &callback {
        Callback::Visible(f) => {
            let def_file = &w.cx.files[f.file];
            let shape = Shape::of_sig(f.sig);
            let label = format!("`{}` takes {}", f.name, describe(shape));
            (shape, format!("`{}`", f.name), def_file.path().clone(), def_file.range(f.sig.ident.span()), label)
        }
        Callback::Written { shape, name, span } => {
            let label = format!("a `{name}` takes {}", describe(*shape));
            (*shape, format!("the `{name}` in `ml_meth`"), file.path().clone(), file.range(*span), label)
        }
    };
    if shape.fits(conv) {
        return;
    }
    let message = if shape.arity != conv.arity() {
        format!("`{flag_names}` expects a callback with {} parameters, but {name} takes {}", conv.arity(), shape.arity)
    } else if shape.vector == Some(true) {
        format!("`{flag_names}` passes an argument tuple, but {name} takes a vector of arguments")
    } else {
        format!("`{flag_names}` passes a vector of arguments, but {name} takes an argument tuple")
    };
    let options: Vec<String> = shape.matching_flags().iter().map(|f| format!("`{f}{}`", modifier_text(bits))).collect();
    let help = match options.as_slice() {
        [] => format!("give the callback the parameters `{flag_names}` expects: {}", conv.params()),
        [one] => format!("use {one} for this callback, or give it the parameters {}", conv.params()),
        [init @ .., last] => {
            format!("use {} or {last} for this callback, or give it the parameters {}", init.join(", "), conv.params())
        }
    };
    w.out.push(
        Diagnostic::new("MD001", file.path(), flags_range, message)
            .with_primary_label(format!("CPython calls it as {}", conv.params()))
            .with_label(&label_path, label_range, label)
            .with_help(help)
            .with_note("calling a function through a pointer of another type is undefined behaviour"),
    );
}

fn describe(shape: Shape) -> String {
    let params = if shape.arity == 1 { "1 parameter".to_string() } else { format!("{} parameters", shape.arity) };
    match (shape.arity, shape.vector) {
        (3 | 4, Some(true)) => format!("{params}, with an argument vector"),
        (3 | 4, Some(false)) => format!("{params}, with an argument tuple"),
        _ => params,
    }
}
