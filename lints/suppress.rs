//! Suppression comments: `// cpython-rs: allow(RC001, reason = "...")`.
//!
//! On the line of the finding or the line above it, or directly above an
//! item (fn, impl, static, mod...) to cover all of it. Codes or names.

use std::ops::Range;

use syn::spanned::Spanned;

use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::registry::{self, Rule};
use crate::settings::Settings;
use crate::source::SourceFile;

pub const RULES: &[Rule] = &[
    declare_rule!(
        "SUP001",
        "suppression-without-reason",
        Suppression,
        Warning,
        "A suppression comment gives no reason"
    ),
    declare_rule!("SUP002", "unused-suppression", Suppression, Warning, "A suppression comment suppresses nothing"),
];

const MARKER: &str = "cpython-rs:";

/// One code named in a suppression.
#[derive(Debug)]
struct Entry {
    written: String,
    rule: Option<&'static Rule>,
    used: bool,
}

#[derive(Debug)]
struct Suppression {
    comment: Range<usize>,
    entries: Vec<Entry>,
    has_reason: bool,
    /// 0-based lines covered (inclusive).
    lines: Range<usize>,
}

/// Parse `allow(A, B, reason = "...")` after the marker.
fn parse_allow(text: &str) -> Option<(Vec<String>, bool)> {
    let rest = text.trim().strip_prefix(MARKER)?.trim_start();
    let inner = rest.strip_prefix("allow")?.trim_start().strip_prefix('(')?;
    let close = inner.rfind(')')?;
    let inner = &inner[..close];
    let mut codes = Vec::new();
    let mut has_reason = false;
    for part in split_top_level(inner) {
        let part = part.trim();
        if let Some(value) = part.strip_prefix("reason") {
            let value = value.trim_start().strip_prefix('=').map(str::trim).unwrap_or("");
            has_reason = value.len() > 2
                && value.starts_with('"')
                && value.ends_with('"')
                && value[1..value.len() - 1].trim() != "";
        } else if !part.is_empty() {
            codes.push(part.to_string());
        }
    }
    Some((codes, has_reason))
}

fn split_top_level(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut in_string = false;
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match c {
            '\\' if in_string && !escaped => {
                escaped = true;
                continue;
            }
            '"' if !escaped => in_string = !in_string,
            ',' if !in_string => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    parts.push(&s[start..]);
    parts
}

/// The (whole item, head line) of every item in a file, nested ones included.
fn item_extents(file: &SourceFile) -> Vec<(Range<usize>, usize)> {
    struct Items<'f> {
        file: &'f SourceFile,
        out: Vec<(Range<usize>, usize)>,
    }
    impl Items<'_> {
        fn push(&mut self, whole: proc_macro2::Span, head: proc_macro2::Span) {
            let range = self.file.range(whole);
            let lines = self.file.line_of(range.start)..self.file.line_of(range.end.saturating_sub(1).max(range.start));
            let head = self.file.line_of(self.file.range(head).start);
            self.out.push((lines.start..lines.end + 1, head));
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Items<'_> {
        fn visit_item(&mut self, item: &'ast syn::Item) {
            let head = match item {
                syn::Item::Fn(f) => Some(f.sig.fn_token.span),
                syn::Item::Impl(i) => Some(i.impl_token.span),
                syn::Item::Static(s) => Some(s.static_token.span),
                syn::Item::Const(c) => Some(c.const_token.span),
                syn::Item::Mod(m) => Some(m.mod_token.span),
                syn::Item::Struct(s) => Some(s.struct_token.span),
                syn::Item::Enum(e) => Some(e.enum_token.span),
                syn::Item::Trait(t) => Some(t.trait_token.span),
                syn::Item::ForeignMod(f) => Some(f.abi.extern_token.span),
                syn::Item::Macro(m) => Some(m.mac.path.span()),
                _ => None,
            };
            if let Some(head) = head {
                self.push(item.span(), head);
            }
            syn::visit::visit_item(self, item);
        }
        fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
            self.push(f.span(), f.sig.fn_token.span);
            syn::visit::visit_impl_item_fn(self, f);
        }
    }
    let mut items = Items { file, out: Vec::new() };
    syn::visit::Visit::visit_file(&mut items, &file.ast);
    items.out
}

fn collect(file: &SourceFile) -> Vec<Suppression> {
    let mut found = Vec::new();
    let mut items: Option<Vec<(Range<usize>, usize)>> = None;
    for comment in &file.comments {
        if comment.is_doc {
            continue;
        }
        let Some((codes, has_reason)) = parse_allow(&comment.text) else { continue };
        let line = file.line_of(comment.range.start);
        let end_line = file.line_of(comment.range.end.saturating_sub(1));
        let items = items.get_or_insert_with(|| item_extents(file));
        // Directly above an item (possibly among its attributes): the whole item.
        let covering_item = items
            .iter()
            .filter(|(lines, head)| {
                let above = lines.start > end_line
                    && (end_line + 1..lines.start).all(|l| {
                        file.comments_on_line(l).next().is_some() || file.line_text(l).trim().starts_with("#[")
                    });
                let among_attributes = lines.start <= line && line < *head;
                above || among_attributes
            })
            .min_by_key(|(lines, _)| lines.start);
        let lines = match covering_item {
            Some((lines, _)) => line.min(lines.start)..lines.end,
            None => line..end_line + 2,
        };
        let entries =
            codes.into_iter().map(|written| Entry { rule: registry::lookup(&written), written, used: false }).collect();
        found.push(Suppression { comment: comment.range.clone(), entries, has_reason, lines });
    }
    found
}

/// Drop suppressed findings and report suppressions that are malformed or unused.
pub fn apply(file: &SourceFile, settings: &Settings, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut suppressions = collect(file);
    if suppressions.is_empty() {
        return diagnostics;
    }
    let mut kept = Vec::with_capacity(diagnostics.len());
    'next: for d in diagnostics {
        let line = file.line_of(d.range.start);
        for s in &mut suppressions {
            if !s.lines.contains(&line) {
                continue;
            }
            if let Some(e) = s.entries.iter_mut().find(|e| e.rule.is_some_and(|r| r.code == d.code)) {
                e.used = true;
                continue 'next;
            }
        }
        kept.push(d);
    }
    let path = file.path();
    for s in &suppressions {
        if !s.has_reason && settings.is_enabled("SUP001") {
            kept.push(
                Diagnostic::new("SUP001", path, s.comment.clone(), "suppression without a reason")
                    .with_help("say why the finding does not apply: `allow(CODE, reason = \"...\")`"),
            );
        }
        if !settings.is_enabled("SUP002") {
            continue;
        }
        let unused = |e: &Entry| e.rule.is_none_or(|rule| !e.used && settings.is_enabled(rule.code));
        let all_unused = s.entries.iter().all(unused);
        for (i, e) in s.entries.iter().enumerate() {
            if !unused(e) {
                continue;
            }
            let message = match e.rule {
                None => format!("`{}` is not a cpython-rs rule", e.written),
                Some(rule) => format!("suppression of `{}` ({}) suppresses nothing", rule.code, rule.name),
            };
            let mut d =
                Diagnostic::new("SUP002", path, s.comment.clone(), message).with_help("remove it, or the code from it");
            let edit = if all_unused { Some(remove_comment(file, &s.comment)) } else { remove_entry(file, s, i) };
            if let Some(edit) = edit {
                // An unknown code may be a typo of the one meant: removing it is the user's call.
                let fix = match e.rule {
                    Some(_) if all_unused => Fix::safe("Remove the unused suppression", vec![edit]),
                    Some(rule) => Fix::safe(format!("Remove `{}` from the suppression", rule.code), vec![edit]),
                    None => Fix::unsafe_edits(format!("Remove `{}` from the suppression", e.written), vec![edit]),
                };
                d = d.with_fix(fix);
            }
            kept.push(d);
        }
    }
    kept
}

/// Delete a whole comment: its lines when nothing else is on them, else the
/// comment and the blanks before it.
fn remove_comment(file: &SourceFile, comment: &Range<usize>) -> Edit {
    let text = file.text();
    let line_start = text[..comment.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[comment.end..].find('\n').map_or(text.len(), |i| comment.end + i + 1);
    let before = &text[line_start..comment.start];
    let after = &text[comment.end..line_end];
    if before.trim().is_empty() && after.trim().is_empty() {
        Edit::delete(line_start..line_end)
    } else {
        let start = comment.start - (before.len() - before.trim_end().len());
        Edit::delete(start..comment.end)
    }
}

/// Delete the `index`th code (and one comma beside it) from the comment's list.
fn remove_entry(file: &SourceFile, s: &Suppression, index: usize) -> Option<Edit> {
    let comment = &file.text()[s.comment.clone()];
    let open = comment.find(MARKER)? + comment[comment.find(MARKER)?..].find('(')? + 1;
    let close = open + comment[open..].rfind(')')?;
    let parts = split_top_level(&comment[open..close]);
    // Parts that are codes, in order, with their byte offset inside the comment.
    let mut offset = open;
    let mut codes = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let trimmed = part.trim();
        if !trimmed.is_empty() && !trimmed.starts_with("reason") {
            codes.push((i, offset));
        }
        offset += part.len() + 1;
    }
    let &(part, at) = codes.get(index)?;
    let len = parts[part].len();
    let range = if part > 0 {
        // `A, B` less `B`: take the comma before it too.
        at - 1..at + len
    } else if part + 1 < parts.len() {
        // `A, B` less `A`: take `A,` and the blanks after the comma.
        let next = parts[part + 1];
        at..at + len + 1 + (next.len() - next.trim_start().len())
    } else {
        return None;
    };
    Some(Edit::delete(s.comment.start + range.start..s.comment.start + range.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_reason() {
        let (codes, reason) = parse_allow(" cpython-rs: allow(RC001, new-ref-leak, reason = \"a, b\")").unwrap();
        assert_eq!(codes, ["RC001", "new-ref-leak"]);
        assert!(reason);
        let (_, reason) = parse_allow("cpython-rs: allow(RC001)").unwrap();
        assert!(!reason);
        assert!(parse_allow(" just a comment").is_none());
    }
}
