//! Suppression comments: `// cpython-rs: allow(RC001, reason = "...")`.
//!
//! On the line of the finding or the line above it, or directly above an
//! item (fn, impl, static, mod...) to cover all of it. Codes or names.

use std::ops::Range;

use syn::spanned::Spanned;

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
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
        for e in &s.entries {
            let message = match e.rule {
                None => format!("`{}` is not a cpython-rs rule", e.written),
                Some(rule) if !e.used && settings.is_enabled(rule.code) => {
                    format!("suppression of `{}` ({}) suppresses nothing", rule.code, rule.name)
                }
                Some(_) => continue,
            };
            kept.push(
                Diagnostic::new("SUP002", path, s.comment.clone(), message).with_help("remove it, or the code from it"),
            );
        }
    }
    kept
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
