//! Mechanical fixes for reference-count findings, built from the finding's
//! range in the source text (the domain reports ranges, not syntax).

use std::ops::Range;

use crate::diagnostic::{Edit, Fix};
use crate::source::SourceFile;
use crate::spelling;

/// The fix for a refcount finding, where one is mechanical.
pub fn fix_for(file: &SourceFile, code: &str, range: &Range<usize>) -> Option<Fix> {
    match code {
        "RC002" => unwrap_new_ref(file, range),
        "RC003" => remove_release(file, range),
        "RC006" => wrap_in_new_ref(file, range),
        _ => None,
    }
}

/// The source text of `range` when it is one whole expression: it parses
/// alone, and the text around it does not continue it (`ffi::` before,
/// `.field` or `(args)` after), so editing it cannot splice two expressions.
fn whole_expr<'f>(file: &'f SourceFile, range: &Range<usize>) -> Option<(&'f str, syn::Expr)> {
    let text = file.text().get(range.clone())?;
    let word = |c: char| c == '_' || c.is_alphanumeric();
    let head = &file.text()[..range.start];
    let tail = &file.text()[range.end..];
    let joined_before = head.chars().next_back().is_some_and(word)
        || head.trim_end().chars().next_back().is_some_and(|c| c == ':' || c == '.');
    let joined_after = tail.chars().next().is_some_and(word)
        || tail.trim_start().chars().next().is_some_and(|c| matches!(c, '.' | '(' | '[' | ':' | '?') || word(c));
    if joined_before || joined_after {
        return None;
    }
    let expr = syn::parse_str::<syn::Expr>(text).ok()?;
    Some((text, expr))
}

/// RC006: return `Py_NewRef(x)` instead of the borrowed `x`.
fn wrap_in_new_ref(file: &SourceFile, range: &Range<usize>) -> Option<Fix> {
    let (text, expr) = whole_expr(file, range)?;
    let plain = matches!(
        expr,
        syn::Expr::Path(_)
            | syn::Expr::Call(_)
            | syn::Expr::MethodCall(_)
            | syn::Expr::Field(_)
            | syn::Expr::Cast(_)
            | syn::Expr::Paren(_)
            | syn::Expr::Macro(_)
            | syn::Expr::Index(_)
    );
    if !plain {
        return None;
    }
    let (new_ref, applicability) = spelling::api_call_path(file, "Py_NewRef");
    let content = format!("{new_ref}({text})");
    let fix = Fix::safe(format!("Return `{new_ref}({text})`"), vec![Edit::replace(range.clone(), content)]);
    Some(Fix { applicability, ..fix })
}

/// RC002 on `Py_NewRef(x)` passed to an API that does not steal it: pass `x`.
fn unwrap_new_ref(file: &SourceFile, range: &Range<usize>) -> Option<Fix> {
    let (text, expr) = whole_expr(file, range)?;
    let syn::Expr::Call(call) = expr else { return None };
    let name = crate::syntax::call_name(&call)?;
    if !matches!(name.as_str(), "Py_NewRef" | "Py_XNewRef") || call.args.len() != 1 {
        return None;
    }
    let open = text.find('(')?;
    let inner = text[open + 1..].trim_end().strip_suffix(')')?.trim();
    let inner = inner.strip_suffix(',').unwrap_or(inner).trim_end();
    syn::parse_str::<syn::Expr>(inner).ok()?;
    Some(Fix::safe(format!("Pass `{inner}` itself"), vec![Edit::replace(range.clone(), inner)]))
}

/// RC003: delete the statement that releases a borrowed reference, when it is
/// a line of its own (`Py_DECREF(item);`). Unsafe: the other cure is to take a
/// reference first, and only the author knows which was meant.
fn remove_release(file: &SourceFile, range: &Range<usize>) -> Option<Fix> {
    let text = file.text();
    let (call, _) = whole_expr(file, range)?;
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let rest = &text[range.end..];
    let line_end = rest.find('\n').map_or(text.len(), |i| range.end + i + 1);
    let alone = text[line_start..range.start].trim().is_empty() && text[range.end..line_end].trim() == ";";
    if !alone {
        return None;
    }
    Some(Fix::unsafe_edits(format!("Remove `{call};`"), vec![Edit::delete(line_start..line_end)]))
}
