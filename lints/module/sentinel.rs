//! MD002's fix: append the zeroed sentinel to a table, and count it in the
//! array's declared length, laid out the way rustfmt lays out the table.

use std::ops::Range;

use super::tables::Kind;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::source::SourceFile;

/// Whether a table can grow by one element without touching anything else.
#[derive(Clone, Copy)]
pub(super) enum Length<'a> {
    /// `vec![..]`, a slice, a `let` whose length is inferred.
    Free,
    /// `[T; N]` declared with this length expression.
    Declared(&'a syn::Expr),
    /// The array's type is declared somewhere the checker does not see (a field, a parameter).
    Elsewhere,
}

impl<'a> Length<'a> {
    /// The length a declared type gives a table: `[T; 3]`, `&[T]`, `UnsafeCell<[T; 3]>`.
    pub(super) fn of_type(ty: &'a syn::Type) -> Self {
        match ty {
            syn::Type::Array(a) => Length::Declared(&a.len),
            syn::Type::Slice(_) => Length::Free,
            syn::Type::Reference(r) => Length::of_type(&r.elem),
            syn::Type::Paren(p) => Length::of_type(&p.elem),
            syn::Type::Group(g) => Length::of_type(&g.elem),
            syn::Type::Path(p) => match p.path.segments.last().map(|s| &s.arguments) {
                Some(syn::PathArguments::AngleBracketed(args)) => args
                    .args
                    .iter()
                    .find_map(|a| match a {
                        syn::GenericArgument::Type(t) => Some(Length::of_type(t)),
                        _ => None,
                    })
                    .unwrap_or(Length::Elsewhere),
                _ => Length::Elsewhere,
            },
            _ => Length::Elsewhere,
        }
    }
}

/// Where the table is in the text: its closing bracket and its length.
#[derive(Clone, Copy)]
pub(super) struct Site<'a> {
    pub close: proc_macro2::Span,
    pub length: Length<'a>,
}

/// The fix that appends `kind`'s sentinel after `last` (the last element's range).
pub(super) fn fix(
    file: &SourceFile,
    kind: Kind,
    elems: &[&syn::Expr],
    last: Range<usize>,
    site: Site<'_>,
) -> Option<Fix> {
    let text = file.text();
    let close = file.range(site.close).start;
    if close < last.end || text.get(close..close + 1) != Some("]") {
        return None;
    }
    let mut edits = Vec::new();
    let mut applicability = Applicability::Safe;
    match site.length {
        Length::Free => {}
        Length::Elsewhere => applicability = Applicability::Unsafe,
        Length::Declared(len) => {
            let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(n), .. }) = len else { return None };
            let declared: usize = n.base10_parse().ok()?;
            if declared != elems.len() || !n.suffix().is_empty() {
                return None;
            }
            edits.push(Edit::replace(file.range(n.span()), (declared + 1).to_string()));
        }
    }
    let (sentinel, sure) = sentinel_text(file, kind, elems);
    if !sure {
        applicability = Applicability::Unsafe;
    }
    let between = &text[last.end..close];
    let trailing_comma = between.trim_start().starts_with(',');
    let vertical = between.contains('\n');
    let hugged = elems.len() == 1
        && last.start > 0
        && text.get(last.start - 1..last.start) == Some("[")
        && between.trim().trim_end_matches(',').is_empty()
        && text[last.clone()].contains('\n');
    let insertion = if hugged {
        // `[T {\n ..\n}]`: rustfmt hugs a lone element; with two it puts one per line.
        let element = &text[last.clone()];
        if has_multiline_string(element) {
            return None;
        }
        let line_start = text[..last.start].rfind('\n').map_or(0, |i| i + 1);
        let base: String = text[line_start..].chars().take_while(|c| *c == ' ' || *c == '\t').collect();
        let inner = format!("{base}    ");
        let element: Vec<String> = element
            .split('\n')
            .enumerate()
            .map(|(i, line)| if i == 0 || line.is_empty() { line.to_string() } else { format!("    {line}") })
            .collect();
        let element = element.join("\n");
        Edit::replace(last.start..close, format!("\n{inner}{element},\n{inner}{},\n{base}", sentinel.indented(&inner)))
    } else if vertical {
        // One element per line: a new line after the last element's comma, at its indentation.
        let line_start = text[..last.start].rfind('\n').map_or(0, |i| i + 1);
        let indent: String = text[line_start..last.start].chars().take_while(|c| c.is_whitespace()).collect();
        let comma_end = if trailing_comma { last.end + between.find(',')? + 1 } else { last.end };
        let lead = if trailing_comma { "" } else { "," };
        Edit::insert(comma_end, format!("{lead}\n{indent}{},", sentinel.indented(&indent)))
    } else {
        let at = if trailing_comma { last.end + between.find(',')? + 1 } else { last.end };
        let lead = if trailing_comma { " " } else { ", " };
        Edit::insert(at, format!("{lead}{}", sentinel.inline()))
    };
    edits.push(insertion);
    let what = sentinel.inline();
    let message = if edits.len() > 1 {
        format!("Add `{what}` as the last element and count it in the length")
    } else {
        format!("Add `{what}` as the last element")
    };
    let fix = Fix::safe(message, edits);
    Some(Fix { applicability, ..fix })
}

/// A sentinel value: a call (`PyMethodDef::zeroed()`) or a struct literal
/// whose fields rustfmt puts one per line.
enum Sentinel {
    Expr(String),
    Struct { path: String, fields: Vec<(&'static str, String)> },
}

impl Sentinel {
    fn inline(&self) -> String {
        match self {
            Sentinel::Expr(e) => e.clone(),
            Sentinel::Struct { path, fields } => {
                let fields: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                format!("{path} {{ {} }}", fields.join(", "))
            }
        }
    }

    fn indented(&self, indent: &str) -> String {
        match self {
            Sentinel::Expr(e) => e.clone(),
            Sentinel::Struct { path, fields } => {
                let mut out = format!("{path} {{\n");
                for (k, v) in fields {
                    out.push_str(&format!("{indent}    {k}: {v},\n"));
                }
                out.push_str(&format!("{indent}}}"));
                out
            }
        }
    }
}

/// The sentinel as this file would write it, and whether that spelling is
/// sure to compile: pyo3-ffi's types (named as the table's elements name
/// them) have these fields and `PyMethodDef::zeroed()`; other bindings get
/// `std::mem::zeroed()`, which every one of these C structs allows.
fn sentinel_text(file: &SourceFile, kind: Kind, elems: &[&syn::Expr]) -> (Sentinel, bool) {
    let text = file.text();
    let pyo3 = text.contains("pyo3_ffi") || text.contains("pyo3::ffi");
    if !pyo3 {
        return (Sentinel::Expr("unsafe { std::mem::zeroed() }".into()), false);
    }
    // The type as the elements spell it (`ffi::PyMethodDef`), else its bare name.
    let path = elems
        .iter()
        .rev()
        .find_map(|e| match e {
            syn::Expr::Struct(s) => Some(crate::syntax::tokens_text(&s.path)),
            _ => None,
        })
        .unwrap_or_else(|| kind.name().to_string());
    let ptr = if uses_ptr_module(text) { "ptr" } else { "std::ptr" };
    let null = format!("{ptr}::null()");
    let null_mut = format!("{ptr}::null_mut()");
    let sentinel = match kind {
        Kind::MethodDef => Sentinel::Expr(format!("{path}::zeroed()")),
        Kind::MemberDef => Sentinel::Struct {
            path,
            fields: vec![
                ("name", null.clone()),
                ("type_code", "0".into()),
                ("offset", "0".into()),
                ("flags", "0".into()),
                ("doc", null),
            ],
        },
        Kind::GetSetDef => Sentinel::Struct {
            path,
            fields: vec![
                ("name", null.clone()),
                ("get", "None".into()),
                ("set", "None".into()),
                ("doc", null),
                ("closure", null_mut),
            ],
        },
        Kind::TypeSlot => Sentinel::Struct { path, fields: vec![("slot", "0".into()), ("pfunc", null_mut)] },
        Kind::ModuleSlot => Sentinel::Struct { path, fields: vec![("slot", "0".into()), ("value", null_mut)] },
    };
    (sentinel, true)
}

/// Whether a string literal in `text` spans lines (re-indenting would change it).
fn has_multiline_string(text: &str) -> bool {
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        match c {
            '\\' if in_string && !escaped => {
                escaped = true;
                continue;
            }
            '"' if !escaped => in_string = !in_string,
            '\n' if in_string => return true,
            _ => {}
        }
        escaped = false;
    }
    false
}

/// Whether the file calls `ptr::null()` through an imported `ptr` module.
fn uses_ptr_module(text: &str) -> bool {
    text.match_indices("ptr::null").any(|(at, _)| !text[..at].ends_with("::") && !text[..at].ends_with('_'))
}
