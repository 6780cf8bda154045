//! MD005: `PyArg_Parse*` and `Py_BuildValue` format strings against the
//! variadic arguments passed with them.
//!
//! C varargs carry no types: a unit that writes a `long` through a pointer
//! to an `int` corrupts the stack, a missing argument reads garbage. The
//! count is checked whenever the format is a literal (or a crate `const`);
//! types are checked where the function shows them (a `let` with a type or a
//! typed initialiser, a parameter, a cast, a suffixed literal). An integer
//! unit must match on every data model CPython supports (LP64, 64-bit
//! Windows' LLP64, 32-bit): `l` is not a `Py_ssize_t` on Windows.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::visit::Visit;

use super::format::{self, CType, Format, Int, Slot, Unit};
use super::{items::Items, peel};
use crate::capi::Returns;
use crate::context::CrateContext;
use crate::diagnostic::Diagnostic;
use crate::index::FnItem;
use crate::source::SourceFile;
use crate::syntax;

/// Which language a function's format is in, where it is, and where the keyword list is.
struct Api {
    name: &'static str,
    format_at: usize,
    kwlist: bool,
    build: bool,
}

/// Methods between a string literal and the pointer passed that keep its text.
const KEEPS_TEXT: &[&str] = &[
    "as_ptr",
    "as_mut_ptr",
    "cast",
    "cast_const",
    "cast_mut",
    "as_c_str",
    "as_bytes_with_nul",
    "unwrap",
    "expect",
    "unwrap_unchecked",
    "unwrap_or_default",
    "into_raw",
];

const APIS: &[Api] = &[
    Api { name: "PyArg_ParseTuple", format_at: 1, kwlist: false, build: false },
    Api { name: "PyArg_ParseTupleAndKeywords", format_at: 2, kwlist: true, build: false },
    Api { name: "PyArg_Parse", format_at: 1, kwlist: false, build: false },
    Api { name: "Py_BuildValue", format_at: 0, kwlist: false, build: true },
    Api { name: "_Py_BuildValue_SizeT", format_at: 0, kwlist: false, build: true },
    Api { name: "PyObject_CallFunction", format_at: 1, kwlist: false, build: true },
    Api { name: "PyObject_CallMethod", format_at: 2, kwlist: false, build: true },
];

pub(super) fn check(cx: &CrateContext<'_>, items: &Items<'_>, out: &mut Vec<Diagnostic>) {
    for f in &cx.index.fns {
        let mut finder = Calls { calls: Vec::new() };
        finder.visit_block(f.block);
        if finder.calls.is_empty() {
            continue;
        }
        let file = &cx.files[f.file];
        let locals = Locals::collect(file, f);
        for call in &finder.calls {
            let mut checker = Checker { cx, file, items, locals: &locals, out: &mut *out };
            checker.check_call(call);
        }
    }
}

/// The calls of one function body (inside macro bodies too), not of nested items.
struct Calls {
    calls: Vec<syn::ExprCall>,
}

impl<'ast> Visit<'ast> for Calls {
    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if syntax::call_name(call).is_some_and(|n| APIS.iter().any(|a| a.name == n)) {
            self.calls.push(call.clone());
        }
        syn::visit::visit_expr_call(self, call);
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if let Some(exprs) = syntax::macro_exprs(mac) {
            for e in &exprs {
                self.visit_expr(e);
            }
        }
    }
}

/// A local binding or parameter the function declares.
struct Decl {
    offset: usize,
    ty: Option<syn::Type>,
    init: Option<syn::Expr>,
}

impl Decl {
    /// The declared type, or the one a constructor spells out
    /// (`MaybeUninit::<Py_buffer>::uninit()` -> `MaybeUninit<Py_buffer>`).
    fn written_or_constructed_type(&self) -> Option<syn::Type> {
        if let Some(ty) = &self.ty {
            return Some(ty.clone());
        }
        let syn::Expr::Call(call) = peel(self.init.as_ref()?) else { return None };
        let syn::Expr::Path(p) = &*call.func else { return None };
        let seg = p.path.segments.iter().find(|s| s.ident == "MaybeUninit")?;
        let syn::PathArguments::AngleBracketed(args) = &seg.arguments else { return None };
        let syn::GenericArgument::Type(inner) = args.args.first()? else { return None };
        Some(syn::parse_quote!(MaybeUninit<#inner>))
    }
}

/// The function's bindings by name, in source order.
struct Locals {
    by_name: HashMap<String, Vec<Decl>>,
}

impl Locals {
    fn collect(file: &SourceFile, f: &FnItem<'_>) -> Locals {
        let mut locals = Locals { by_name: HashMap::new() };
        for input in &f.sig.inputs {
            if let syn::FnArg::Typed(t) = input {
                if let syn::Pat::Ident(p) = &*t.pat {
                    locals.add(&p.ident, 0, Some((*t.ty).clone()), None);
                }
            }
        }
        let mut finder = LocalFinder { file, locals: &mut locals };
        finder.visit_block(f.block);
        locals
    }

    fn add(&mut self, ident: &syn::Ident, offset: usize, ty: Option<syn::Type>, init: Option<syn::Expr>) {
        self.by_name.entry(ident.to_string()).or_default().push(Decl { offset, ty, init });
    }

    /// The declaration of `name` in force at `offset`: the last one before it.
    fn at(&self, name: &str, offset: usize) -> Option<&Decl> {
        self.by_name.get(name)?.iter().rev().find(|d| d.offset <= offset)
    }
}

struct LocalFinder<'f, 'l> {
    file: &'f SourceFile,
    locals: &'l mut Locals,
}

impl<'ast> Visit<'ast> for LocalFinder<'_, '_> {
    fn visit_local(&mut self, local: &'ast syn::Local) {
        let offset = self.file.range(local.let_token.span).start;
        let init = local.init.as_ref().map(|i| (*i.expr).clone());
        match &local.pat {
            syn::Pat::Ident(p) => self.locals.add(&p.ident, offset, None, init),
            syn::Pat::Type(pt) => match (&*pt.pat, &*pt.ty) {
                (syn::Pat::Ident(p), ty) => self.locals.add(&p.ident, offset, Some(ty.clone()), init),
                (syn::Pat::Tuple(pats), syn::Type::Tuple(tys)) => {
                    for (pat, ty) in pats.elems.iter().zip(tys.elems.iter()) {
                        if let syn::Pat::Ident(p) = pat {
                            self.locals.add(&p.ident, offset, Some(ty.clone()), None);
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
        syn::visit::visit_local(self, local);
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if let Ok(stmts) = mac.parse_body_with(syn::Block::parse_within) {
            for s in &stmts {
                self.visit_stmt(s);
            }
        }
    }
}

/// A Rust type as far as C varargs care.
#[derive(Debug, Clone, PartialEq)]
enum Ty {
    Int(Int),
    Float(u8),
    Ptr(Box<Typed>),
    /// `PyObject` or another `Py*Object` struct.
    Object,
    /// A named struct (`Py_buffer`, `Py_complex`, a crate type).
    Named(String),
    Void,
    Unknown,
}

/// A type with the spelling to show for it.
#[derive(Debug, Clone, PartialEq)]
struct Typed {
    ty: Ty,
    text: String,
}

impl Typed {
    fn unknown() -> Typed {
        Typed { ty: Ty::Unknown, text: String::new() }
    }

    fn known(&self) -> bool {
        self.ty != Ty::Unknown
    }
}

/// The size-and-kind view of a written Rust type.
fn rust_type(ty: &syn::Type, items: &Items<'_>, depth: usize) -> Typed {
    if depth > 4 {
        return Typed::unknown();
    }
    let text = syntax::tokens_text(ty);
    let ty = match ty {
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else { return Typed::unknown() };
            let name = last.ident.to_string();
            let first_generic = match &last.arguments {
                syn::PathArguments::AngleBracketed(args) => args.args.iter().find_map(|a| match a {
                    syn::GenericArgument::Type(t) => Some(t),
                    _ => None,
                }),
                _ => None,
            };
            if let Some(int) = Int::of_rust(&name) {
                Ty::Int(int)
            } else if matches!(name.as_str(), "f32" | "c_float") {
                Ty::Float(4)
            } else if matches!(name.as_str(), "f64" | "c_double") {
                Ty::Float(8)
            } else if name == "c_void" {
                Ty::Void
            } else if syntax::is_object_type(ty) {
                Ty::Object
            } else if name == "NonNull" {
                match first_generic {
                    Some(t) => Ty::Ptr(Box::new(rust_type(t, items, depth + 1))),
                    None => Ty::Unknown,
                }
            } else if name == "MaybeUninit" {
                return first_generic.map_or_else(Typed::unknown, |t| rust_type(t, items, depth + 1));
            } else if p.path.segments.len() == 1 && last.arguments.is_empty() {
                match items.alias(&name) {
                    Some(alias) => return rust_type(alias, items, depth + 1),
                    None => Ty::Named(name),
                }
            } else if last.arguments.is_empty() {
                Ty::Named(name)
            } else {
                Ty::Unknown
            }
        }
        syn::Type::Ptr(p) => Ty::Ptr(Box::new(rust_type(&p.elem, items, depth + 1))),
        syn::Type::Reference(r) => Ty::Ptr(Box::new(rust_type(&r.elem, items, depth + 1))),
        syn::Type::Paren(p) => return rust_type(&p.elem, items, depth + 1),
        syn::Type::Group(g) => return rust_type(&g.elem, items, depth + 1),
        _ => Ty::Unknown,
    };
    Typed { ty, text }
}

fn literal_suffix_type(suffix: &str, items: &Items<'_>) -> Typed {
    match syn::parse_str::<syn::Type>(suffix) {
        Ok(t) => rust_type(&t, items, 0),
        Err(_) => Typed::unknown(),
    }
}

struct Checker<'c, 'a> {
    cx: &'c CrateContext<'a>,
    file: &'c SourceFile,
    items: &'c Items<'a>,
    locals: &'c Locals,
    out: &'c mut Vec<Diagnostic>,
}

/// A format string found for a call.
struct FormatText {
    text: String,
    /// The literal, or the argument when the literal lives elsewhere.
    span: Span,
}

impl Checker<'_, '_> {
    fn check_call(&mut self, call: &syn::ExprCall) {
        let Some(name) = syntax::call_name(call) else { return };
        let Some(api) = APIS.iter().find(|a| a.name == name) else { return };
        let args: Vec<&syn::Expr> = call.args.iter().collect();
        let Some(format_arg) = args.get(api.format_at) else { return };
        let offset = self.file.range(call.span()).start;
        let Some(fmt) = self.format_text(format_arg, offset, 0) else { return };
        let parsed =
            if api.build { format::parse_build_format(&fmt.text) } else { format::parse_parse_format(&fmt.text) };
        let Some(parsed) = parsed else { return };
        let first_vararg = api.format_at + 1 + usize::from(api.kwlist);
        let passed: &[&syn::Expr] = args.get(first_vararg..).unwrap_or(&[]);

        if passed.len() != parsed.arg_count() {
            self.report_count(api, &fmt, &parsed, passed, call);
            return;
        }
        if api.kwlist {
            if let Some(kw) = args.get(api.format_at + 1) {
                self.check_kwlist(&fmt, &parsed, kw, offset);
            }
        }
        for ((unit, slot), arg) in parsed.slots().zip(passed.iter()) {
            self.check_type(api, &fmt, unit, slot, arg, offset);
        }
    }

    /// The format string an argument holds: a literal in any usual spelling
    /// (`c"..".as_ptr()`, `b"..\0".as_ptr().cast()`, `"..\0".as_ptr() as *const c_char`,
    /// `cstr!("..")`, `CStr::from_bytes_with_nul(b"..\0")`), or a binding or `const` holding one.
    fn format_text(&self, expr: &syn::Expr, offset: usize, depth: usize) -> Option<FormatText> {
        if depth > 12 {
            return None;
        }
        let found = match peel(expr) {
            syn::Expr::Lit(lit) => {
                let text = match &lit.lit {
                    syn::Lit::Str(s) => s.value(),
                    syn::Lit::ByteStr(b) => String::from_utf8_lossy(&b.value()).into_owned(),
                    syn::Lit::CStr(c) => c.value().to_string_lossy().into_owned(),
                    _ => return None,
                };
                FormatText { text, span: lit.span() }
            }
            // Conversions that keep the text; anything else (`.replace(..)`) may change it.
            syn::Expr::MethodCall(m) if KEEPS_TEXT.contains(&m.method.to_string().as_str()) => {
                self.format_text(&m.receiver, offset, depth + 1)?
            }
            syn::Expr::Cast(c) => self.format_text(&c.expr, offset, depth + 1)?,
            syn::Expr::Reference(r) => self.format_text(&r.expr, offset, depth + 1)?,
            syn::Expr::Call(c) if c.args.len() == 1 => {
                let callee = match &*c.func {
                    syn::Expr::Path(p) => syntax::last_segment(&p.path).unwrap_or_default(),
                    _ => return None,
                };
                if !callee.starts_with("from_bytes") && !matches!(callee.as_str(), "new" | "from" | "Some") {
                    return None;
                }
                self.format_text(&c.args[0], offset, depth + 1)?
            }
            syn::Expr::Macro(m) => {
                let name = syntax::macro_name(&m.mac);
                if !matches!(name.as_str(), "cstr" | "c_str" | "c" | "cstring" | "cstr_ptr" | "c_string") {
                    return None;
                }
                let inner: syn::Expr = m.mac.parse_body().ok()?;
                self.format_text(&inner, offset, depth + 1)?
            }
            syn::Expr::Path(p) if p.path.segments.len() == 1 => {
                let name = p.path.segments[0].ident.to_string();
                let init = match self.locals.at(&name, offset) {
                    Some(decl) => decl.init.clone()?,
                    None => self.items.value(&name)?.expr.clone(),
                };
                let inner = self.format_text(&init, offset, depth + 1)?;
                FormatText { text: inner.text, span: expr.span() }
            }
            _ => return None,
        };
        // C reads up to the first NUL.
        let text = found.text.split('\0').next().unwrap_or_default().to_string();
        Some(FormatText { text, span: found.span })
    }

    fn report_count(
        &mut self,
        api: &Api,
        fmt: &FormatText,
        parsed: &Format,
        passed: &[&syn::Expr],
        call: &syn::ExprCall,
    ) {
        let wanted = parsed.arg_count();
        let units: Vec<String> = parsed.units.iter().map(|u| format!("`{}`", u.text)).collect();
        let label = if units.is_empty() { "no units".to_string() } else { format!("units {}", units.join(", ")) };
        let mut d = Diagnostic::new(
            "MD005",
            self.file.path(),
            self.file.range(fmt.span),
            format!(
                "format `{}` needs {} but `{}` is passed {}",
                fmt.text.escape_debug(),
                plural(wanted, "argument"),
                api.name,
                passed.len()
            ),
        )
        .with_primary_label(label);
        if passed.len() > wanted {
            for extra in &passed[wanted..] {
                d = d.with_label(self.file.path(), self.file.range(extra.span()), "no unit reads this argument");
            }
            d = d.with_help("remove the extra arguments, or add the units that should read them");
        } else {
            let close = self.file.range(call.paren_token.span.close());
            let missing: Vec<String> =
                parsed.slots().skip(passed.len()).map(|(u, s)| format!("`{}` for `{}`", s.rust(), u.text)).collect();
            d = d
                .with_label(
                    self.file.path(),
                    close,
                    format!("{} missing here", plural(wanted - passed.len(), "argument")),
                )
                .with_help(format!("pass the missing arguments: {}", missing.join(", ")));
        }
        self.out.push(d.with_note(
            "each unit takes one argument; `O!`, `O&`, `s#`, `y#`, `z#`, `es` and `et` take two, `es#` and `et#` three",
        ));
    }

    fn check_kwlist(&mut self, fmt: &FormatText, parsed: &Format, kw: &syn::Expr, offset: usize) {
        let Some(list) = self.kwlist(kw, offset, 0) else { return };
        let kw_range = self.file.range(list.span);
        if !list.terminated {
            self.out.push(
                Diagnostic::new(
                    "MD005",
                    self.file.path(),
                    self.file.range(fmt.span),
                    "the keyword list is not NULL-terminated",
                )
                .with_primary_label("the names for this format")
                .with_label(self.file.path(), kw_range, "the last element is a name, not NULL")
                .with_help("end the keyword list with `ptr::null_mut()`")
                .with_note("`PyArg_ParseTupleAndKeywords` reads names until it finds NULL"),
            );
            return;
        }
        if list.names != parsed.top_level {
            self.out.push(
                Diagnostic::new(
                    "MD005",
                    self.file.path(),
                    self.file.range(fmt.span),
                    format!(
                        "format `{}` has {} but the keyword list has {}",
                        fmt.text.escape_debug(),
                        plural(parsed.top_level, "top-level unit"),
                        plural(list.names, "name")
                    ),
                )
                .with_primary_label("one keyword name per unit")
                .with_label(self.file.path(), kw_range, format!("{} before the NULL", plural(list.names, "name")))
                .with_help("give every unit a name in the keyword list (an empty name `c\"\"` for positional-only)")
                .with_note("CPython raises `SystemError` when the counts differ"),
            );
        }
    }

    /// The keyword array an argument points at: an array literal, or a binding or static holding one.
    fn kwlist(&self, expr: &syn::Expr, offset: usize, depth: usize) -> Option<KwList> {
        if depth > 12 {
            return None;
        }
        match peel(expr) {
            syn::Expr::MethodCall(m) if m.args.is_empty() => self.kwlist(&m.receiver, offset, depth + 1),
            syn::Expr::Cast(c) => self.kwlist(&c.expr, offset, depth + 1),
            syn::Expr::Reference(r) => self.kwlist(&r.expr, offset, depth + 1),
            syn::Expr::RawAddr(r) => self.kwlist(&r.expr, offset, depth + 1),
            // `KWLIST.0` of a `Sync` wrapper struct.
            syn::Expr::Field(f) if matches!(f.member, syn::Member::Unnamed(_)) => {
                self.kwlist(&f.base, offset, depth + 1)
            }
            syn::Expr::Call(c) if c.args.len() == 1 => self.kwlist(&c.args[0], offset, depth + 1),
            syn::Expr::Macro(m) if matches!(syntax::macro_name(&m.mac).as_str(), "addr_of" | "addr_of_mut") => {
                let inner: syn::Expr = m.mac.parse_body().ok()?;
                self.kwlist(&inner, offset, depth + 1)
            }
            syn::Expr::Array(a) => {
                let last = a.elems.last()?;
                let names = a.elems.len() - 1;
                match self.pointer_nullness(last) {
                    Some(true) => Some(KwList { names, terminated: true, span: a.span() }),
                    Some(false) => Some(KwList { names: a.elems.len(), terminated: false, span: last.span() }),
                    None => None,
                }
            }
            syn::Expr::Path(p) if p.path.segments.len() == 1 => {
                let name = p.path.segments[0].ident.to_string();
                let init = match self.locals.at(&name, offset) {
                    Some(decl) => decl.init.clone()?,
                    None => self.items.value(&name)?.expr.clone(),
                };
                let list = self.kwlist(&init, offset, depth + 1)?;
                Some(KwList { span: if list.terminated { expr.span() } else { list.span }, ..list })
            }
            _ => None,
        }
    }

    /// Whether an element of a keyword list is NULL (`Some(true)`), a name (`Some(false)`), or unknown.
    fn pointer_nullness(&self, expr: &syn::Expr) -> Option<bool> {
        match peel(expr) {
            syn::Expr::Call(c) => {
                let name = syntax::call_name(c)?;
                matches!(name.as_str(), "null" | "null_mut" | "NULL").then_some(true)
            }
            syn::Expr::Cast(c) => match peel(&c.expr) {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) => Some(i.base10_digits() == "0"),
                _ => self.pointer_nullness(&c.expr),
            },
            syn::Expr::MethodCall(m) => match peel(&m.receiver) {
                syn::Expr::Lit(_) | syn::Expr::Macro(_) => Some(false),
                other => self.pointer_nullness(other),
            },
            syn::Expr::Macro(m) => {
                matches!(syntax::macro_name(&m.mac).as_str(), "cstr" | "c_str" | "c" | "cstr_ptr").then_some(false)
            }
            _ => None,
        }
    }

    fn check_type(&mut self, api: &Api, fmt: &FormatText, unit: &Unit, slot: Slot, arg: &syn::Expr, offset: usize) {
        let actual = self.expr_type(arg, offset, true, 0);
        if !actual.known() {
            return;
        }
        let arg_text = syntax::expr_text(arg);
        let (message, help, note) = match slot {
            Slot::Out(expected) => {
                let Ty::Ptr(pointee) = &actual.ty else {
                    if matches!(actual.ty, Ty::Int(_) | Ty::Float(_)) {
                        self.push_type(
                            fmt,
                            unit,
                            arg,
                            format!(
                                "unit `{}` of `{}` needs a pointer to write through, but `{arg_text}` is a `{}` value",
                                unit.text, api.name, actual.text
                            ),
                            format!("pass a pointer to a `{}`: `&mut {arg_text}`", expected.rust()),
                            None,
                        );
                    }
                    return;
                };
                if !pointee.known() || compatible(expected, pointee) {
                    return;
                }
                (
                    format!(
                        "unit `{}` of `{}` writes a `{}`, but `{arg_text}` points to a `{}`",
                        unit.text,
                        api.name,
                        expected.rust(),
                        pointee.text
                    ),
                    // `s#`'s length has no other spelling: only a one-argument unit can be swapped.
                    match unit_for(pointee, false).filter(|_| unit.slots.len() == 1) {
                        Some(u) => format!(
                            "use `{u}`, the unit for a `{}` on every platform, or declare the target as `{}`",
                            pointee.text,
                            expected.rust()
                        ),
                        None => format!("declare the target as `{}`", expected.rust()),
                    },
                    platform_note(expected, pointee),
                )
            }
            Slot::Value(expected) => {
                if compatible(expected, &actual) {
                    return;
                }
                (
                    format!(
                        "unit `{}` of `{}` reads a `{}`, but `{arg_text}` is a `{}`",
                        unit.text,
                        api.name,
                        expected.rust(),
                        actual.text
                    ),
                    match (expected, &actual.ty, unit_for(&actual, true).filter(|_| unit.slots.len() == 1)) {
                        (CType::Int(..) | CType::Float(..), Ty::Int(_) | Ty::Float(_), Some(u)) => format!(
                            "use `{u}`, the unit for a `{}` on every platform, or convert it: `{} as {}`",
                            actual.text,
                            uncast_text(arg),
                            expected.rust()
                        ),
                        (CType::Int(..) | CType::Float(..), Ty::Int(_) | Ty::Float(_), None) => {
                            format!("convert it: `{} as {}`", uncast_text(arg), expected.rust())
                        }
                        _ => format!("pass a `{}` for `{}`", expected.rust(), unit.text),
                    },
                    platform_note(expected, &actual),
                )
            }
        };
        self.push_type(fmt, unit, arg, message, help, note);
    }

    fn push_type(
        &mut self,
        fmt: &FormatText,
        unit: &Unit,
        arg: &syn::Expr,
        message: String,
        help: String,
        platform: Option<String>,
    ) {
        let fmt_range = self.file.range(fmt.span);
        let mut diagnostic = Diagnostic::new("MD005", self.file.path(), fmt_range, message)
            .with_primary_label(format!("unit `{}`", unit.text))
            .with_label(self.file.path(), self.file.range(arg.span()), "this argument")
            .with_help(help);
        if let Some(platform) = platform {
            diagnostic = diagnostic.with_note(platform);
        }
        self.out.push(
            diagnostic
                .with_note("C varargs carry no types: a mismatched argument is read or written with the wrong size"),
        );
    }

    /// The type of an argument expression. `direct`: the expression is a
    /// variadic argument itself, so unsuffixed literals take Rust's fallback
    /// types (`i32`, `f64`) and a bare `ptr::null()` is some pointer.
    fn expr_type(&self, expr: &syn::Expr, offset: usize, direct: bool, depth: usize) -> Typed {
        if depth > 10 {
            return Typed::unknown();
        }
        match peel(expr) {
            syn::Expr::Lit(lit) => match &lit.lit {
                syn::Lit::Int(i) if !i.suffix().is_empty() => literal_suffix_type(i.suffix(), self.items),
                syn::Lit::Int(_) if direct => Typed { ty: Ty::Int(Int::INT), text: "i32".into() },
                syn::Lit::Float(f) if !f.suffix().is_empty() => literal_suffix_type(f.suffix(), self.items),
                syn::Lit::Float(_) if direct => Typed { ty: Ty::Float(8), text: "f64".into() },
                syn::Lit::Bool(_) => Typed { ty: Ty::Int(Int::UCHAR), text: "bool".into() },
                _ => Typed::unknown(),
            },
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => {
                self.expr_type(&u.expr, offset, direct, depth + 1)
            }
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                match self.expr_type(&u.expr, offset, false, depth + 1).ty {
                    Ty::Ptr(inner) => *inner,
                    _ => Typed::unknown(),
                }
            }
            // `&mut x as *mut _`: the written type says nothing, `x`'s does.
            syn::Expr::Cast(c) if contains_infer(&c.ty) => self.expr_type(&c.expr, offset, direct, depth + 1),
            syn::Expr::Cast(c) => rust_type(&c.ty, self.items, 0),
            syn::Expr::Path(p) if p.path.segments.len() == 1 => {
                let name = p.path.segments[0].ident.to_string();
                self.binding_type(&name, offset, depth)
            }
            syn::Expr::Reference(r) => self.address_of(&r.expr, offset, depth),
            syn::Expr::RawAddr(r) => self.address_of(&r.expr, offset, depth),
            syn::Expr::Macro(m) if matches!(syntax::macro_name(&m.mac).as_str(), "addr_of" | "addr_of_mut") => {
                match m.mac.parse_body::<syn::Expr>() {
                    Ok(inner) => self.address_of(&inner, offset, depth),
                    Err(_) => Typed::unknown(),
                }
            }
            syn::Expr::MethodCall(m) => self.method_type(m, offset, direct, depth),
            syn::Expr::Call(c) => self.call_type(c, direct),
            _ => Typed::unknown(),
        }
    }

    /// `&x` / `&raw mut x` / `addr_of_mut!(x)`: a pointer to `x`'s type.
    fn address_of(&self, place: &syn::Expr, offset: usize, depth: usize) -> Typed {
        let inner = match peel(place) {
            syn::Expr::Path(p) if p.path.segments.len() == 1 => {
                self.binding_type(&p.path.segments[0].ident.to_string(), offset, depth)
            }
            _ => Typed::unknown(),
        };
        if !inner.known() {
            return Typed::unknown();
        }
        let text = format!("*mut {}", inner.text);
        Typed { ty: Ty::Ptr(Box::new(inner)), text }
    }

    /// The type of a local, parameter, `static` or `const`.
    fn binding_type(&self, name: &str, offset: usize, depth: usize) -> Typed {
        match self.locals.at(name, offset) {
            Some(decl) => match (&decl.ty, &decl.init) {
                (Some(ty), _) => rust_type(ty, self.items, 0),
                (None, Some(init)) => self.expr_type(init, decl.offset, false, depth + 1),
                (None, None) => Typed::unknown(),
            },
            None => self.items.value(name).map_or_else(Typed::unknown, |v| rust_type(v.ty, self.items, 0)),
        }
    }

    fn method_type(&self, m: &syn::ExprMethodCall, offset: usize, direct: bool, depth: usize) -> Typed {
        let method = m.method.to_string();
        let turbofish = m.turbofish.as_ref().and_then(|t| {
            t.args.iter().find_map(|a| match a {
                syn::GenericArgument::Type(t) => Some(rust_type(t, self.items, 0)),
                _ => None,
            })
        });
        match method.as_str() {
            "as_ptr" | "as_mut_ptr" => {
                if is_string_literal(&m.receiver) {
                    return Typed {
                        ty: Ty::Ptr(Box::new(Typed { ty: Ty::Int(Int::CHAR), text: "c_char".into() })),
                        text: "*const c_char".into(),
                    };
                }
                let receiver = match peel(&m.receiver) {
                    syn::Expr::Path(p) if p.path.segments.len() == 1 => {
                        let name = p.path.segments[0].ident.to_string();
                        self.locals.at(&name, offset).and_then(Decl::written_or_constructed_type)
                    }
                    _ => None,
                };
                match receiver.as_ref().and_then(element_type) {
                    Some(elem) => {
                        let inner = rust_type(elem, self.items, 0);
                        let text = format!("*mut {}", inner.text);
                        Typed { ty: Ty::Ptr(Box::new(inner)), text }
                    }
                    None => Typed::unknown(),
                }
            }
            "cast" | "cast_mut" | "cast_const" => match turbofish {
                Some(t) if t.known() => {
                    let text = format!("*mut {}", t.text);
                    Typed { ty: Ty::Ptr(Box::new(t)), text }
                }
                _ if method != "cast" => self.expr_type(&m.receiver, offset, direct, depth + 1),
                _ => Typed::unknown(),
            },
            "len" if m.args.is_empty() => Typed { ty: Ty::Int(Int::SIZE), text: "usize".into() },
            _ => Typed::unknown(),
        }
    }

    fn call_type(&self, c: &syn::ExprCall, direct: bool) -> Typed {
        let syn::Expr::Path(p) = &*c.func else { return Typed::unknown() };
        let Some(name) = syntax::last_segment(&p.path) else { return Typed::unknown() };
        let turbofish = p.path.segments.last().and_then(|s| match &s.arguments {
            syn::PathArguments::AngleBracketed(args) => args.args.iter().find_map(|a| match a {
                syn::GenericArgument::Type(t) => Some(rust_type(t, self.items, 0)),
                _ => None,
            }),
            _ => None,
        });
        match name.as_str() {
            "null" | "null_mut" => match turbofish {
                Some(t) => {
                    let text = format!("*mut {}", t.text);
                    Typed { ty: Ty::Ptr(Box::new(t)), text }
                }
                None if direct => Typed {
                    ty: Ty::Ptr(Box::new(Typed { ty: Ty::Void, text: "c_void".into() })),
                    text: "*mut c_void".into(),
                },
                None => Typed::unknown(),
            },
            _ => {
                if let Some(api) = self.cx.api().get(&name) {
                    if matches!(api.returns, Returns::New | Returns::Borrowed) {
                        return object_ptr();
                    }
                    return Typed::unknown();
                }
                if matches!(name.as_str(), "Py_None" | "Py_True" | "Py_False" | "Py_NotImplemented" | "Py_Ellipsis") {
                    return object_ptr();
                }
                match self.items.fn_sig(&name).map(|s| &s.output) {
                    Some(syn::ReturnType::Type(_, ty)) if p.path.segments.len() == 1 => rust_type(ty, self.items, 0),
                    _ => Typed::unknown(),
                }
            }
        }
    }
}

fn contains_infer(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Infer(_) => true,
        syn::Type::Ptr(p) => contains_infer(&p.elem),
        syn::Type::Reference(r) => contains_infer(&r.elem),
        syn::Type::Paren(p) => contains_infer(&p.elem),
        syn::Type::Group(g) => contains_infer(&g.elem),
        syn::Type::Path(p) => p.path.segments.iter().any(|s| match &s.arguments {
            syn::PathArguments::AngleBracketed(args) => args.args.iter().any(|a| match a {
                syn::GenericArgument::Type(t) => contains_infer(t),
                _ => false,
            }),
            _ => false,
        }),
        _ => false,
    }
}

/// `1 name`, `2 names`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn object_ptr() -> Typed {
    Typed { ty: Ty::Ptr(Box::new(Typed { ty: Ty::Object, text: "PyObject".into() })), text: "*mut PyObject".into() }
}

/// `MaybeUninit<T>` and `[T; N]` give `T` to `.as_mut_ptr()`.
fn element_type(ty: &syn::Type) -> Option<&syn::Type> {
    match ty {
        syn::Type::Array(a) => Some(&a.elem),
        syn::Type::Path(p) => {
            let last = p.path.segments.last()?;
            if last.ident != "MaybeUninit" {
                return None;
            }
            match &last.arguments {
                syn::PathArguments::AngleBracketed(args) => args.args.iter().find_map(|a| match a {
                    syn::GenericArgument::Type(t) => Some(t),
                    _ => None,
                }),
                _ => None,
            }
        }
        _ => None,
    }
}

fn is_string_literal(expr: &syn::Expr) -> bool {
    match peel(expr) {
        syn::Expr::Lit(l) => matches!(l.lit, syn::Lit::Str(_) | syn::Lit::ByteStr(_) | syn::Lit::CStr(_)),
        syn::Expr::Macro(m) => matches!(syntax::macro_name(&m.mac).as_str(), "cstr" | "c_str" | "c"),
        _ => false,
    }
}

/// Whether a value of type `actual` fits where C expects `expected`.
fn compatible(expected: CType, actual: &Typed) -> bool {
    let pointer_to = |t: &Typed| match &t.ty {
        Ty::Ptr(inner) => Some(inner.ty.clone()),
        _ => None,
    };
    if matches!(actual.ty, Ty::Void | Ty::Unknown) {
        return true;
    }
    match expected {
        CType::Any => true,
        CType::Int(int, _) => match actual.ty {
            Ty::Int(other) => int.sizes == other.sizes,
            Ty::Unknown | Ty::Named(_) => true,
            _ => false,
        },
        CType::Float(size, _) => match actual.ty {
            Ty::Float(s) => s == size,
            Ty::Unknown | Ty::Named(_) => true,
            _ => false,
        },
        CType::Object => match pointer_to(actual) {
            Some(Ty::Int(_) | Ty::Float(_) | Ty::Ptr(_)) => false,
            Some(_) => true,
            None => matches!(actual.ty, Ty::Unknown | Ty::Named(_)),
        },
        CType::CharPtr => match pointer_to(actual) {
            Some(Ty::Int(Int { sizes: [1, 1, 1], .. }) | Ty::Void | Ty::Unknown | Ty::Named(_)) => true,
            Some(_) => false,
            None => matches!(actual.ty, Ty::Unknown | Ty::Named(_)),
        },
        CType::AnyPtr => !matches!(actual.ty, Ty::Int(_) | Ty::Float(_)),
        CType::Buffer => match &actual.ty {
            Ty::Named(n) => n == "Py_buffer" || !n.starts_with("Py"),
            Ty::Unknown => true,
            _ => false,
        },
        CType::Complex => match &actual.ty {
            Ty::Named(n) => n == "Py_complex" || !n.starts_with("Py"),
            Ty::Unknown => true,
            _ => false,
        },
    }
}

/// An argument's text without its outer cast (`n as isize` -> `n`), to show it converted.
fn uncast_text(arg: &syn::Expr) -> String {
    match peel(arg) {
        syn::Expr::Cast(c) => syntax::expr_text(&c.expr),
        other => syntax::expr_text(other),
    }
}

/// For integers whose sizes agree on 64-bit Linux and macOS but not on
/// another data model: where the mismatch bites, since tests on a
/// developer's machine cannot show it.
fn platform_note(expected: CType, actual: &Typed) -> Option<String> {
    let (CType::Int(want, name), Ty::Int(have)) = (expected, &actual.ty) else { return None };
    if want.sizes[0] != have.sizes[0] {
        return None;
    }
    let (model, want_size, have_size) = want.differs(*have)?;
    Some(format!(
        "on {model} `{name}` is {want_size} bytes and `{}` is {have_size}: the same on 64-bit Linux and macOS, wrong there",
        actual.text
    ))
}

/// The unit that reads (`build`) or writes a value of this type, the same
/// size on every data model, to suggest.
fn unit_for(t: &Typed, build: bool) -> Option<&'static str> {
    Some(match (&t.ty, build) {
        (Ty::Int(int), _) => int.unit(build),
        (Ty::Float(4), false) => "f",
        (Ty::Float(8), _) => "d",
        (Ty::Ptr(inner), _) if inner.ty == Ty::Object => "O",
        (Ty::Ptr(inner), _) if matches!(inner.ty, Ty::Int(Int { sizes: [1, 1, 1], .. })) => "s",
        _ => return None,
    })
}

/// A keyword list seen in full.
struct KwList {
    names: usize,
    terminated: bool,
    span: Span,
}
