//! MD002: method, member, getset and slot tables must end with a zeroed
//! sentinel; CPython walks them until it finds one.
//!
//! A table is recognised by its declared element type (`static M: [PyMethodDef; 3]`,
//! `&[PyType_Slot]`) or by its elements (`PyMethodDef { .. }` literals,
//! `PyType_Slot::zeroed()`). Only a last element that is clearly an entry
//! (a name, a callback, a slot id) is reported; an element the checker
//! cannot evaluate (a helper call, a macro) is given the benefit of the doubt.

use proc_macro2::Span;

use super::sentinel::{self, Site};
use super::{peel, single_name, Walker};
use crate::diagnostic::Diagnostic;
use crate::syntax;

/// The kinds of NULL-terminated tables CPython reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    MethodDef,
    MemberDef,
    GetSetDef,
    TypeSlot,
    ModuleSlot,
}

impl Kind {
    fn from_name(name: &str) -> Option<Kind> {
        Some(match name {
            "PyMethodDef" => Kind::MethodDef,
            "PyMemberDef" => Kind::MemberDef,
            "PyGetSetDef" => Kind::GetSetDef,
            "PyType_Slot" => Kind::TypeSlot,
            "PyModuleDef_Slot" => Kind::ModuleSlot,
            _ => return None,
        })
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Kind::MethodDef => "PyMethodDef",
            Kind::MemberDef => "PyMemberDef",
            Kind::GetSetDef => "PyGetSetDef",
            Kind::TypeSlot => "PyType_Slot",
            Kind::ModuleSlot => "PyModuleDef_Slot",
        }
    }

    /// What marks the end of the table for CPython.
    fn end_marker(self) -> &'static str {
        match self {
            Kind::MethodDef => "an entry whose `ml_name` is NULL",
            Kind::MemberDef | Kind::GetSetDef => "an entry whose `name` is NULL",
            Kind::TypeSlot | Kind::ModuleSlot => "an entry whose `slot` is 0",
        }
    }

    /// The field CPython tests to find the end of the table.
    fn key_field(self) -> &'static str {
        match self {
            Kind::MethodDef => "ml_name",
            Kind::MemberDef | Kind::GetSetDef => "name",
            Kind::TypeSlot | Kind::ModuleSlot => "slot",
        }
    }

    fn sentinel(self) -> &'static str {
        match self {
            Kind::MethodDef => "`PyMethodDef::zeroed()`",
            Kind::MemberDef => {
                "`PyMemberDef { name: ptr::null(), type_code: 0, offset: 0, flags: 0, doc: ptr::null() }`"
            }
            Kind::GetSetDef => {
                "`PyGetSetDef { name: ptr::null(), get: None, set: None, doc: ptr::null(), closure: ptr::null_mut() }`"
            }
            Kind::TypeSlot => "`PyType_Slot { slot: 0, pfunc: ptr::null_mut() }`",
            Kind::ModuleSlot => "`PyModuleDef_Slot { slot: 0, value: ptr::null_mut() }`",
        }
    }
}

/// The table kind a declared type holds: `[PyMethodDef; 3]`, `&'static [PyType_Slot]`,
/// `UnsafeCell<[PyMethodDef; 2]>`.
pub(super) fn kind_of_type(ty: &syn::Type) -> Option<Kind> {
    match ty {
        syn::Type::Array(a) => element_kind(&a.elem),
        syn::Type::Slice(s) => element_kind(&s.elem),
        syn::Type::Reference(r) => kind_of_type(&r.elem),
        syn::Type::Paren(p) => kind_of_type(&p.elem),
        syn::Type::Group(g) => kind_of_type(&g.elem),
        syn::Type::Path(p) => p.path.segments.last().and_then(|seg| match &seg.arguments {
            syn::PathArguments::AngleBracketed(args) => args.args.iter().find_map(|a| match a {
                syn::GenericArgument::Type(t) => kind_of_type(t),
                _ => None,
            }),
            _ => None,
        }),
        _ => None,
    }
}

fn element_kind(ty: &syn::Type) -> Option<Kind> {
    match ty {
        syn::Type::Path(p) => Kind::from_name(&syntax::last_segment(&p.path)?),
        syn::Type::Group(g) => element_kind(&g.elem),
        _ => None,
    }
}

/// The array literal an initialiser builds: `[..]`, `&[..]`, `Wrapper([..])`, `UnsafeCell::new([..])`.
pub(super) fn table_literal(init: &syn::Expr) -> Option<&syn::ExprArray> {
    match peel(init) {
        syn::Expr::Array(a) => Some(a),
        syn::Expr::Reference(r) => table_literal(&r.expr),
        syn::Expr::Cast(c) => table_literal(&c.expr),
        syn::Expr::Call(c) if c.args.len() == 1 => table_literal(&c.args[0]),
        _ => None,
    }
}

/// What an element of a table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    Sentinel,
    Entry,
    Unknown,
}

/// Whether a value is all zero: `Some(true)` zero/NULL/`None`, `Some(false)` clearly not, `None` unknown.
fn zero(w: &Walker<'_, '_>, expr: &syn::Expr, depth: usize) -> Option<bool> {
    if depth > 10 {
        return None;
    }
    match peel(expr) {
        syn::Expr::Lit(lit) => match &lit.lit {
            syn::Lit::Int(i) => i.base10_parse::<u128>().ok().map(|v| v == 0),
            syn::Lit::Float(_) => None,
            syn::Lit::Bool(b) => Some(!b.value),
            _ => Some(false),
        },
        syn::Expr::Cast(c) => zero(w, &c.expr, depth + 1),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => zero(w, &u.expr, depth + 1),
        syn::Expr::Path(p) => {
            let name = syntax::last_segment(&p.path)?;
            if name == "None" {
                return Some(true);
            }
            const NONZERO: &[&str] = &["METH_", "Py_tp_", "Py_mod_", "Py_nb_", "Py_sq_", "Py_mp_", "Py_am_", "Py_bf_"];
            if NONZERO.iter().any(|prefix| name.starts_with(prefix)) || w.cx.index.fns_named(&name).next().is_some() {
                return Some(false);
            }
            let value = (p.path.segments.len() == 1).then(|| w.items.value(&name)).flatten()?;
            zero(w, value.expr, depth + 1)
        }
        syn::Expr::Call(c) => {
            let callee = match &*c.func {
                syn::Expr::Path(p) => syntax::last_segment(&p.path)?,
                _ => return None,
            };
            match callee.as_str() {
                "null" | "null_mut" | "NULL" | "zeroed" | "default" if c.args.is_empty() => Some(true),
                "Some" => Some(false),
                "transmute" | "transmute_copy" if c.args.len() == 1 => zero(w, &c.args[0], depth + 1),
                _ => None,
            }
        }
        syn::Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "as_ptr" | "as_mut_ptr" | "cast" | "cast_mut" | "cast_const" | "assume_init" => {
                zero(w, &m.receiver, depth + 1)
            }
            _ => None,
        },
        syn::Expr::Struct(s) => fields_zero(w, s, depth),
        syn::Expr::Reference(_) | syn::Expr::RawAddr(_) => Some(false),
        syn::Expr::Macro(m) => {
            let name = syntax::macro_name(&m.mac);
            matches!(name.as_str(), "addr_of" | "addr_of_mut" | "cstr" | "c_str" | "c" | "concat").then_some(false)
        }
        _ => None,
    }
}

/// Zero-ness of a struct literal: every field zero, or some field clearly not.
fn fields_zero(w: &Walker<'_, '_>, s: &syn::ExprStruct, depth: usize) -> Option<bool> {
    let mut all_zero = true;
    for f in &s.fields {
        match zero(w, &f.expr, depth + 1) {
            Some(false) => return Some(false),
            Some(true) => {}
            None => all_zero = false,
        }
    }
    if let Some(rest) = &s.rest {
        if zero(w, rest, depth + 1) != Some(true) {
            all_zero = false;
        }
    }
    all_zero.then_some(true)
}

/// Classify one element of a table, with the table kind it reveals.
fn classify(w: &Walker<'_, '_>, expr: &syn::Expr, depth: usize) -> (Element, Option<Kind>) {
    if depth > 8 {
        return (Element::Unknown, None);
    }
    let from = |z: Option<bool>| match z {
        Some(true) => Element::Sentinel,
        Some(false) => Element::Entry,
        None => Element::Unknown,
    };
    match peel(expr) {
        syn::Expr::Struct(s) => {
            let kind = syntax::last_segment(&s.path).as_deref().and_then(Kind::from_name);
            // CPython looks at one field to find the end (`ml_name`, `name`, `slot`).
            let key = kind.and_then(|k| {
                s.fields.iter().find(|f| matches!(&f.member, syn::Member::Named(id) if id == k.key_field()))
            });
            let element = match key.and_then(|f| zero(w, &f.expr, depth + 1)) {
                Some(true) => Element::Sentinel,
                Some(false) => Element::Entry,
                None => from(fields_zero(w, s, 0)),
            };
            (element, kind)
        }
        syn::Expr::Call(c) => {
            let syn::Expr::Path(p) = &*c.func else { return (Element::Unknown, None) };
            let kind = p.path.segments.iter().rev().nth(1).and_then(|s| Kind::from_name(&s.ident.to_string()));
            let callee = syntax::last_segment(&p.path).unwrap_or_default();
            if matches!(callee.as_str(), "zeroed" | "default") && c.args.is_empty() {
                return (Element::Sentinel, kind);
            }
            (from(args_zero(w, c.args.iter(), depth)), kind)
        }
        syn::Expr::MethodCall(m) if m.method == "assume_init" => {
            let zeroed = matches!(peel(&m.receiver), syn::Expr::Call(c)
                if syntax::call_name(c).as_deref() == Some("zeroed"));
            (if zeroed { Element::Sentinel } else { Element::Unknown }, None)
        }
        syn::Expr::Path(_) => {
            let Some(name) = single_name(expr) else { return (Element::Unknown, None) };
            match w.items.value(&name) {
                Some(value) => {
                    let (element, kind) = classify(w, value.expr, depth + 1);
                    (element, kind.or_else(|| element_kind(value.ty)))
                }
                None => (Element::Unknown, None),
            }
        }
        syn::Expr::Macro(m) => {
            let name = syntax::macro_name(&m.mac).to_ascii_lowercase();
            match syntax::macro_exprs(&m.mac) {
                Some(exprs) if !exprs.is_empty() => (from(args_zero(w, exprs.iter(), depth)), None),
                _ if name.contains("zeroed") || name.contains("sentinel") => (Element::Sentinel, None),
                _ => (Element::Unknown, None),
            }
        }
        _ => (Element::Unknown, None),
    }
}

/// Zero-ness of a helper's arguments: all zero, or some clearly not zero.
fn args_zero<'e>(w: &Walker<'_, '_>, args: impl Iterator<Item = &'e syn::Expr>, depth: usize) -> Option<bool> {
    let mut count = 0;
    let mut all_zero = true;
    for arg in args {
        count += 1;
        match zero(w, arg, depth + 1) {
            Some(false) => return Some(false),
            Some(true) => {}
            None => all_zero = false,
        }
    }
    (all_zero && count > 0).then_some(true)
}

/// Check one table literal; `declared` is the element type its binding declares.
pub(super) fn check_array(
    w: &mut Walker<'_, '_>,
    elems: Vec<&syn::Expr>,
    declared: Option<Kind>,
    name: Option<&syn::Ident>,
    anchor: Span,
    site: Site<'_>,
) {
    let Some(last) = elems.last() else { return };
    let classified: Vec<(Element, Option<Kind>)> = elems.iter().map(|e| classify(w, e, 0)).collect();
    let kind = match declared {
        Some(kind) => kind,
        None => {
            let mut kinds = classified.iter().filter_map(|(_, k)| *k);
            let Some(first) = kinds.next() else { return };
            if kinds.any(|k| k != first) {
                return;
            }
            first
        }
    };
    if classified.last().map(|(e, _)| *e) != Some(Element::Entry) {
        return;
    }
    let file = w.file;
    let (range, what) = match name {
        Some(ident) => (file.range(ident.span()), format!("`{ident}`")),
        None => (file.range(anchor), format!("this `{}` array", kind.name())),
    };
    let whole_last = file.range(syn::spanned::Spanned::span(*last));
    let fix = sentinel::fix(file, kind, &elems, whole_last.clone(), site);
    // The first line of the last element is enough to show which one it is.
    let mut last_range = whole_last;
    if let Some(newline) = file.text()[last_range.clone()].find('\n') {
        last_range.end = last_range.start + file.text()[last_range.start..last_range.start + newline].trim_end().len();
    }
    let mut d = Diagnostic::new("MD002", file.path(), range, format!("{what} does not end with a zeroed sentinel"))
        .with_primary_label(format!("CPython reads this `{}` table past its end", kind.name()))
        .with_label(file.path(), last_range, "the last element is an entry, not a sentinel")
        .with_help(format!("add {} as the last element (and count it in the array's length)", kind.sentinel()))
        .with_note(format!("CPython stops at {}; without one it reads whatever memory follows", kind.end_marker()));
    d.fix = fix;
    w.out.push(d);
}
