//! A baseline: today's findings recorded in a file, so an existing codebase
//! can adopt the checker and see only what is new.
//!
//! A finding is recorded by a fingerprint that survives moved lines and edits
//! elsewhere in the file: its rule, its file, the path of the item it is in
//! (`Counter::incr`), its primary snippet with all whitespace removed, and
//! its occurrence index among findings that share all of those. Line numbers
//! are not part of it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use syn::spanned::Spanned;
use syn::visit::Visit;

use crate::diagnostic::Diagnostic;
use crate::settings::{absolute, ConfigError};
use crate::source::{SourceFile, SourceText};

const VERSION: u32 = 1;

/// The file as written and read.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineFile {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// One recorded finding. `message` is for the reader; matching ignores it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Relative to the baseline file's folder, with forward slashes.
    pub file: String,
    pub code: String,
    /// The enclosing item's path within the file ("" at the top level).
    pub item: String,
    /// FNV-1a of the rule, file, item and normalised snippet.
    pub fingerprint: String,
    /// Index among this file's findings with the same fingerprint, in source order.
    pub occurrence: usize,
    pub message: String,
}

/// What applying a baseline did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    /// Findings hidden because the baseline has them.
    pub baselined: usize,
    /// Entries for checked files that matched no finding: fixed, or changed
    /// beyond recognition. Refresh the file with `--write-baseline`.
    pub stale: usize,
}

/// The entries for `diagnostics`, relative to the folder `base`.
pub fn entries(diagnostics: &[Diagnostic], sources: &BTreeMap<Arc<Path>, Arc<SourceText>>, base: &Path) -> Vec<Entry> {
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let mut out = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let file = relative(&d.path, base);
        let item = d.item.clone().unwrap_or_default();
        let snippet = sources.get(&d.path).map(|s| snippet(&s.text, &d.range)).unwrap_or_default();
        let fingerprint = fnv1a([d.code, &file, &item, &snippet]);
        let occurrence = seen.entry((file.clone(), fingerprint.clone())).or_default();
        out.push(Entry {
            file,
            code: d.code.to_string(),
            item,
            fingerprint,
            occurrence: *occurrence,
            message: d.message.clone(),
        });
        *occurrence += 1;
    }
    out
}

/// Write the baseline of `diagnostics` to `path`; returns how many it records.
pub fn write(
    path: &Path,
    diagnostics: &[Diagnostic],
    sources: &BTreeMap<Arc<Path>, Arc<SourceText>>,
) -> std::io::Result<usize> {
    let base = folder_of(path);
    let mut findings = entries(diagnostics, sources, &base);
    findings.sort();
    let n = findings.len();
    let mut text = serde_json::to_string_pretty(&BaselineFile { version: VERSION, findings })?;
    text.push('\n');
    std::fs::write(path, text)?;
    Ok(n)
}

/// Read a baseline file.
pub fn read(path: &Path) -> Result<BaselineFile, ConfigError> {
    let err = |message: String| ConfigError { path: Some(path.to_path_buf()), message };
    let text = std::fs::read_to_string(path).map_err(|e| err(format!("cannot read the baseline: {e}")))?;
    let file: BaselineFile = serde_json::from_str(&text).map_err(|e| err(format!("not a cpython-rs baseline: {e}")))?;
    if file.version != VERSION {
        return Err(err(format!("baseline version {} is not {VERSION}; write it again", file.version)));
    }
    Ok(file)
}

/// Drop the findings the baseline at `path` records; count its entries for
/// `checked` files that no finding matched.
pub fn apply(
    path: &Path,
    baseline: &BaselineFile,
    diagnostics: &mut Vec<Diagnostic>,
    sources: &BTreeMap<Arc<Path>, Arc<SourceText>>,
    checked: &[PathBuf],
) -> Applied {
    let base = folder_of(path);
    let current = entries(diagnostics, sources, &base);
    let key = |e: &Entry| (e.file.clone(), e.code.clone(), e.fingerprint.clone(), e.occurrence);
    let recorded: BTreeSet<_> = baseline.findings.iter().map(key).collect();
    let mut matched = BTreeSet::new();
    let mut keep = current.iter().map(|e| {
        let k = key(e);
        let hit = recorded.contains(&k);
        if hit {
            matched.insert(k);
        }
        !hit
    });
    let before = diagnostics.len();
    diagnostics.retain(|_| keep.next().unwrap_or(true));
    let checked: BTreeSet<String> = checked.iter().map(|p| relative(p, &base)).collect();
    let stale = baseline.findings.iter().filter(|e| checked.contains(&e.file) && !matched.contains(&key(e))).count();
    Applied { baselined: before - diagnostics.len(), stale }
}

fn folder_of(path: &Path) -> PathBuf {
    absolute(path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")))
}

/// `path` relative to `base` when below it, with forward slashes.
fn relative(path: &Path, base: &Path) -> String {
    let path = absolute(path);
    path.strip_prefix(base).unwrap_or(&path).to_string_lossy().replace('\\', "/")
}

/// The primary range's text without whitespace or trailing commas (so
/// reformatting does not matter); for an empty range, its line's.
fn snippet(text: &str, range: &Range<usize>) -> String {
    let range = if range.is_empty() {
        let start = text[..range.start.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        start..end
    } else {
        range.clone()
    };
    let compact: Vec<char> = text.get(range).unwrap_or("").chars().filter(|c| !c.is_whitespace()).collect();
    // rustfmt adds or drops a trailing comma when it wraps a list: it is not part of the code.
    let trailing_comma = |i: usize| compact[i] == ',' && matches!(compact.get(i + 1), Some(')' | ']' | '}'));
    (0..compact.len()).filter(|&i| !trailing_comma(i)).map(|i| compact[i]).collect()
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms, unlike `DefaultHasher`.
fn fnv1a<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Set each finding's enclosing item path (`Counter::incr`) in `file`.
pub fn set_items(file: &SourceFile, diagnostics: &mut [Diagnostic]) {
    if diagnostics.iter().all(|d| d.path != *file.path()) {
        return;
    }
    let mut items = Items { file, stack: Vec::new(), out: Vec::new() };
    items.visit_file(&file.ast);
    for d in diagnostics.iter_mut().filter(|d| d.path == *file.path()) {
        // The innermost item containing the finding: the last-pushed of the smallest.
        let inner = items
            .out
            .iter()
            .filter(|(range, _)| range.start <= d.range.start && d.range.start < range.end.max(range.start + 1))
            .min_by_key(|(range, _)| range.len());
        d.item = inner.map(|(_, path)| path.clone());
    }
}

/// Every item's range and its path within the file.
struct Items<'f> {
    file: &'f SourceFile,
    stack: Vec<String>,
    out: Vec<(Range<usize>, String)>,
}

impl Items<'_> {
    fn enter(&mut self, span: proc_macro2::Span, name: String, visit: impl FnOnce(&mut Self)) {
        self.stack.push(name);
        self.out.push((self.file.range(span), self.stack.join("::")));
        visit(self);
        self.stack.pop();
    }
}

/// `Counter` for `impl Counter`, `Counter` for `impl Trait for Counter<T>`.
fn type_name(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map_or_else(String::new, |s| s.ident.to_string()),
        syn::Type::Reference(r) => type_name(&r.elem),
        syn::Type::Paren(p) => type_name(&p.elem),
        syn::Type::Group(g) => type_name(&g.elem),
        other => crate::syntax::tokens_text(other),
    }
}

impl<'ast> Visit<'ast> for Items<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let name = match item {
            syn::Item::Fn(f) => Some(f.sig.ident.to_string()),
            syn::Item::Mod(m) => Some(m.ident.to_string()),
            syn::Item::Impl(i) => Some(match &i.trait_ {
                Some((_, path, _)) => format!(
                    "<{} as {}>",
                    type_name(&i.self_ty),
                    path.segments.last().map_or_else(String::new, |s| s.ident.to_string())
                ),
                None => type_name(&i.self_ty),
            }),
            syn::Item::Trait(t) => Some(t.ident.to_string()),
            syn::Item::Static(s) => Some(s.ident.to_string()),
            syn::Item::Const(c) => Some(c.ident.to_string()),
            syn::Item::Struct(s) => Some(s.ident.to_string()),
            syn::Item::Enum(e) => Some(e.ident.to_string()),
            syn::Item::Union(u) => Some(u.ident.to_string()),
            syn::Item::Macro(m) => Some(match &m.ident {
                Some(ident) => ident.to_string(),
                None => format!("{}!", crate::syntax::macro_name(&m.mac)),
            }),
            _ => None,
        };
        match name {
            Some(name) => self.enter(item.span(), name, |this| syn::visit::visit_item(this, item)),
            None => syn::visit::visit_item(self, item),
        }
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.enter(f.span(), f.sig.ident.to_string(), |this| syn::visit::visit_impl_item_fn(this, f));
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        self.enter(f.span(), f.sig.ident.to_string(), |this| syn::visit::visit_trait_item_fn(this, f));
    }

    // Expressions hold no items but closures and blocks; skip their bulk.
    fn visit_expr(&mut self, e: &'ast syn::Expr) {
        if let syn::Expr::Block(_) | syn::Expr::Unsafe(_) | syn::Expr::Closure(_) = e {
            syn::visit::visit_expr(self, e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_ignore_whitespace_and_empty_ranges_take_the_line() {
        assert_eq!(snippet("let x = PyList_New(\n    0);", &(8..26)), "PyList_New(0)");
        assert_eq!(snippet("a\n  b c\nd", &(4..4)), "bc");
        assert_eq!(snippet("f(\n    a,\n    [b, c,],\n)", &(0..24)), "f(a,[b,c])");
    }

    #[test]
    fn fingerprints_are_stable() {
        // Written to baseline files: this value must never change.
        assert_eq!(fnv1a(["RC001", "src/lib.rs", "f", "PyList_New(0)"]), "ab36a972ea8c2953");
        assert_ne!(fnv1a(["ab", "c"]), fnv1a(["a", "bc"]));
    }
}
